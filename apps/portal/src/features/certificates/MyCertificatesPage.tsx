import { useState } from 'react';
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCertificate, IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '@cakap/contracts';
import { downloadCertificatePdf, useMyCertificates } from '../../api/certificates';
import { EmptyBlock } from '../../components/EmptyBlock';
import { useErrorMessage } from '../../components/ErrorAlert';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { CertificateStatusBadge } from './CertificateStatusBadge';
import { CopyLinkButton } from './CopyLinkButton';

/** "Sertifikat saya": the learner's certificates, to download or share by their verification link. */
export function MyCertificatesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useMyCertificates(page);
  const items = query.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('certificates.mine.title')} description={t('certificates.mine.intro')} />
      <ListState
        query={query}
        isEmpty={items.length === 0}
        skeletonRows={2}
        skeletonHeight={140}
        empty={
          <EmptyBlock
            icon={<IconCertificate size={26} />}
            message={t('certificates.mine.empty')}
            action={
              <Button component={Link} to="/katalog" variant="light">
                {t('certificates.mine.toCatalog')}
              </Button>
            }
          />
        }
      >
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {items.map((c) => (
            <CertificateCard key={c.id} c={c} />
          ))}
        </SimpleGrid>
        {query.data && <Pager page={page} pageSize={query.data.pageSize} total={query.data.total} onChange={setPage} />}
      </ListState>
    </>
  );
}

function CertificateCard({ c }: { c: Certificate }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorMessage = useErrorMessage();
  const [downloading, setDownloading] = useState(false);
  const current = c.status === 'valid';
  const download = async () => {
    setDownloading(true);
    try {
      await downloadCertificatePdf(c);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Card withBorder padding="md" radius="md" component="article" aria-labelledby={`cert-${c.id}`} data-testid="my-certificate">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={2} fz="h4" id={`cert-${c.id}`}>
            {c.courseTitle}
          </Title>
          <CertificateStatusBadge status={c.status} />
        </Group>
        <Text size="sm">
          {t('certificates.number')}: <Text span ff="monospace">{c.number}</Text>
        </Text>
        <Text size="sm" c="dimmed">
          {formatDate(c.issuedAt, lang)} · {t('certificates.jpValue', { jp: formatNumber(c.jp, lang) })}
        </Text>
        {c.status === 'revoked' && (
          <Text size="sm" c="red.9">
            {t('certificates.revokedNote', { date: formatDate(c.revokedAt, lang), reason: c.revokeReason ?? '—' })}
          </Text>
        )}
        {c.status === 'replaced' && c.replacedBy && (
          <Text size="sm">
            {t('certificates.replacedNote', { number: c.replacedBy.number })}
          </Text>
        )}
        <Group gap="xs" mt={4}>
          {current && (
            <Button
              size="xs"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() => void download()}
              loading={downloading}
              disabled={!c.hasPdf}
              aria-label={t('certificates.downloadPdfFor', { course: c.courseTitle })}
            >
              {c.hasPdf ? t('certificates.downloadPdf') : t('certificates.pdfPending')}
            </Button>
          )}
          <CopyLinkButton code={c.code} />
          <Anchor component={Link} to={`/verify/${encodeURIComponent(c.code)}`} size="sm">
            {t('certificates.openVerification')}
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}
