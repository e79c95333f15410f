import { useEffect, useRef, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Evidence, ProfileRow } from '@cakap/contracts';
import { downloadEvidenceFile, useUserCompetencies } from '../../../api/competencies';
import { statusColors } from '../../../app/theme';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { ListState } from '../../../components/ListState';
import { ListTable } from '../../../components/ListTable';
import { formatDate, formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { RecordEvidenceModal } from './RecordEvidenceModal';

function GapBadge({ row }: { row: ProfileRow }) {
  const { t } = useTranslation();
  if (row.gap === null) return <Text size="sm" c="dimmed">{t('competencyAdmin.profile.notRequired')}</Text>;
  if (row.gap === 0) {
    return (
      <Badge variant="outline" color={statusColors.success} tt="none">
        {t('competencyAdmin.profile.met')}
      </Badge>
    );
  }
  return (
    <Badge variant="outline" color={statusColors.warning} tt="none">
      {t('competencyAdmin.profile.gapLevels', { count: row.gap })}
    </Badge>
  );
}

/** The admin user page's "Kompetensi" section: the profile against the position's standard, the evidence, "Catat bukti". */
export function UserCompetencies({ userId, userName }: { userId: string; userName: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorMessage = useErrorMessage();
  const profile = useUserCompetencies(userId);
  const [recording, setRecording] = useState(false);
  const data = profile.data;
  // The gap list links here (`#competencies`): bring the section into view once it has content.
  const { hash } = useLocation();
  const sectionRef = useRef<HTMLElement>(null);
  const loaded = !!data;
  useEffect(() => {
    if (hash === '#competencies' && loaded) sectionRef.current?.scrollIntoView();
  }, [hash, loaded]);

  const download = async (e: Evidence) => {
    try {
      await downloadEvidenceFile(e);
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err) });
    }
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="competencies-title" mt="lg" id="competencies" ref={sectionRef}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} fz="h4" id="competencies-title">
              {t('competencyAdmin.profile.title')}
            </Title>
            {data && (
              <Text size="sm" fw={500}>
                {data.match === null
                  ? t('competencyAdmin.profile.noStandard')
                  : t('competencyAdmin.profile.match', { match: `${formatNumber(Math.round(data.match), lang)}%` })}
              </Text>
            )}
          </div>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRecording(true)}>
            {t('competencyAdmin.profile.record')}
          </Button>
        </Group>
        <ListState query={profile} isEmpty={!data || data.profile.length === 0} empty={<EmptyBlock message={t('competencyAdmin.profile.empty')} />}>
          <ListTable
            caption={t('competencyAdmin.profile.caption', { name: userName })}
            minWidth={560}
            busy={profile.isFetching}
            columns={[
              { label: t('competencyAdmin.profile.competency') },
              { label: t('competencyAdmin.profile.achieved'), numeric: true },
              { label: t('competencyAdmin.profile.required'), numeric: true },
              { label: t('competencyAdmin.profile.gap') },
            ]}
          >
            {(data?.profile ?? []).map((row) => (
              <Table.Tr key={row.competencyId}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    <Text span ff="monospace" fw={700}>
                      {row.code}
                    </Text>{' '}
                    {row.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {row.frameworkName}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{row.achieved}</Table.Td>
                <Table.Td ta="right">{row.required ?? t('common.none')}</Table.Td>
                <Table.Td>
                  <GapBadge row={row} />
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        </ListState>

        <Title order={3} fz="h5" mt="sm">
          {t('competencyAdmin.profile.evidence')}
        </Title>
        {data && data.evidence.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('competencyAdmin.profile.evidenceEmpty')}
          </Text>
        ) : (
          data && (
            <ListTable
              caption={t('competencyAdmin.profile.evidenceCaption', { name: userName })}
              minWidth={640}
              columns={[
                { label: t('competencyAdmin.profile.evidenceTitle') },
                { label: t('competencyAdmin.profile.competency') },
                { label: t('competencyAdmin.evidence.level'), numeric: true },
                { label: t('competencyAdmin.profile.source'), hideOnPhone: true },
                { label: t('competencyAdmin.profile.date'), hideOnPhone: true },
              ]}
            >
              {data.evidence.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {e.title}
                    </Text>
                    {e.note && (
                      <Text size="xs" c="dimmed">
                        {e.note}
                      </Text>
                    )}
                    {e.file && (
                      <Anchor component="button" type="button" size="xs" onClick={() => void download(e)} aria-label={t('competencyAdmin.profile.attachment', { name: e.file.fileName })}>
                        {e.file.fileName}
                      </Anchor>
                    )}
                    {e.recordedBy && (
                      <Text size="xs" c="dimmed">
                        {t('competencyAdmin.profile.recordedBy', { name: e.recordedBy.name })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {e.code} {e.name}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{e.level}</Table.Td>
                  <Table.Td visibleFrom="sm">{t(`competencyAdmin.profile.sources.${e.source}`)}</Table.Td>
                  <Table.Td visibleFrom="sm">{formatDate(e.occurredOn, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </ListTable>
          )
        )}
      </Stack>
      {recording && <RecordEvidenceModal userId={userId} onClose={() => setRecording(false)} />}
    </Paper>
  );
}
