import { Anchor, Group, Skeleton, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMyCertificates } from '../../api/certificates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { CertificateStatusBadge } from './CertificateStatusBadge';

const SHOWN = 3;

/** The home page's latest certificates, with the way to all of them. */
export function HomeCertificates() {
  const { t } = useTranslation();
  const lang = useLang();
  const query = useMyCertificates(1);
  if (query.isPending) return <Skeleton height={60} />;
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.items.slice(0, SHOWN);
  if (items.length === 0) return <Text size="sm">{t('home.certificatesEmpty')}</Text>;
  return (
    <Stack gap="xs">
      {items.map((c) => (
        <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs">
          <div>
            <Text size="sm" fw={500}>
              {c.courseTitle}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDate(c.issuedAt, lang)}
            </Text>
          </div>
          {c.status !== 'valid' && <CertificateStatusBadge status={c.status} />}
        </Group>
      ))}
      <Anchor component={Link} to="/sertifikat" size="sm">
        {t('certificates.home.seeAll')}
      </Anchor>
    </Stack>
  );
}
