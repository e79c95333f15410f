import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '@cakap/contracts';
import { downloadEvidenceFile } from '../../../api/competencies';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { formatDate } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { evidenceCourseLink } from './profileView';

/** The evidence behind the achieved levels, newest first (the server's order): what, where from, when. */
export function EvidenceList({ items }: { items: Evidence[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorMessage = useErrorMessage();
  const [downloading, setDownloading] = useState<string | null>(null);

  const download = async (e: Evidence) => {
    setDownloading(e.id);
    try {
      await downloadEvidenceFile(e);
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((e) => {
        const courseLink = evidenceCourseLink(e);
        return (
          <Paper component="li" withBorder p="sm" key={e.id} data-testid="evidence">
            <Stack gap={4}>
              <Text fw={600} size="sm">
                {t('myCompetencies.evidenceLevel', { code: e.code, name: e.name, level: String(e.level) })}
              </Text>
              <Text size="sm">
                {courseLink ? (
                  <Anchor component={Link} to={courseLink} aria-label={t('myCompetencies.evidenceOpenCourse', { title: e.title })}>
                    {e.title}
                  </Anchor>
                ) : (
                  e.title
                )}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`myCompetencies.evidenceSource.${e.source}`)} · {formatDate(e.occurredOn, lang)}
                {e.recordedBy ? ` · ${t('myCompetencies.recordedBy', { name: e.recordedBy.name })}` : ''}
              </Text>
              {e.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {e.note}
                </Text>
              )}
              {e.file && (
                <Group>
                  <Button
                    variant="default"
                    size="xs"
                    leftSection={<IconDownload size={14} aria-hidden />}
                    loading={downloading === e.id}
                    onClick={() => void download(e)}
                  >
                    {t('myCompetencies.evidenceDownload', { file: e.file.fileName })}
                  </Button>
                </Group>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
