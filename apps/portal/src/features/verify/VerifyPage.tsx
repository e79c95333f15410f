import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Box, Button, Container, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBuildingCommunity, IconCircleCheck, IconCircleX, IconRefresh, IconSearch } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Verification } from '@cakap/contracts';
import { isApiError } from '../../api';
import { useVerification } from '../../api/certificates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import classes from './verify.module.css';

/**
 * The QR code's target: anyone, signed in or not, usually on a phone, checks a certificate.
 * The verdict comes first and large; the details after; it prints cleanly.
 */
export function VerifyPage() {
  const { code } = useParams();
  const { t } = useTranslation();
  const query = useVerification(code);
  const notFound = isApiError(query.error) && query.error.status === 404;
  usePageTitle(t('verify.pageTitle'));

  let body: ReactNode;
  if (!code) body = <CodeForm intro={t('verify.enterCode')} />;
  else if (query.isPending) body = <Skeleton height={320} aria-label={t('app.loading')} />;
  else if (notFound)
    body = (
      <Stack>
        <Alert color="red.9" variant="outline" bg="white" icon={<IconCircleX aria-hidden />} title={t('verify.notFoundTitle')} role="alert">
          <Text size="sm">{t('verify.notFoundText', { code })}</Text>
        </Alert>
        <CodeForm intro={t('verify.tryAgain')} />
      </Stack>
    );
  else if (query.data) body = <Verdict v={query.data} />;
  else body = <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <Box className={classes.page}>
      <Container size={720} px="sm" py="md">
        <Group justify="space-between" mb="md" className={classes.noPrint}>
          <Anchor component={Link} to="/" underline="never" aria-label={t('app.name')}>
            <Group gap={8} wrap="nowrap">
              <IconBuildingCommunity size={26} color="var(--mantine-color-cakap-7)" aria-hidden />
              <Text fw={800} fz="xl" c="cakap.8">
                {t('app.name')}
              </Text>
            </Group>
          </Anchor>
          <LanguageSwitch />
        </Group>
        <main>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} mb="md">
            {t('verify.heading')}
          </Title>
          {body}
        </main>
      </Container>
    </Box>
  );
}

function CodeForm({ intro }: { intro: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const clean = value.trim().toUpperCase().replace(/\s+/g, '');
  return (
    <Paper withBorder p="md" className={classes.noPrint}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (clean) navigate(`/verify/${encodeURIComponent(clean)}`);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{intro}</Text>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('verify.codeLabel')}
              description={t('verify.codeHint')}
              value={value}
              onChange={(e) => setValue(e.currentTarget.value)}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              style={{ flex: '1 1 12rem' }}
            />
            <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />} disabled={!clean}>
              {t('verify.check')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Verdict({ v }: { v: Verification }) {
  const { t } = useTranslation();
  const lang = useLang();
  const c = v.certificate;
  const tone = v.status === 'valid' ? classes.valid : v.status === 'revoked' ? classes.revoked : classes.replaced;
  const Icon = v.status === 'valid' ? IconCircleCheck : v.status === 'revoked' ? IconCircleX : IconRefresh;
  return (
    <Stack gap="md">
      <Paper p={{ base: 'md', sm: 'lg' }} className={`${classes.verdict} ${tone}`} role="status" data-testid="verify-status" data-status={v.status}>
        <Group gap="md" wrap="nowrap" align="flex-start">
          <Icon size={48} aria-hidden className={classes.verdictIcon} />
          <Stack gap={4}>
            <Text fz={{ base: 26, sm: 32 }} fw={800} lh={1.15}>
              {t(`verify.status.${v.status}`)}
            </Text>
            <Text size="sm">{t(`verify.statusText.${v.status}`, { issuer: c.issuer })}</Text>
            {v.status === 'revoked' && (
              <Text size="sm" fw={600}>
                {t('verify.revokedOn', { date: formatDateTime(c.revokedAt, lang) })}
                {c.revokeReason ? ` — ${t('verify.reason')}: ${c.revokeReason}` : ''}
              </Text>
            )}
            {v.status === 'replaced' && c.replacedBy && (
              <Text size="sm" fw={600}>
                {t('verify.replacedBy')}{' '}
                <Anchor component={Link} to={`/verify/${encodeURIComponent(c.replacedBy.code)}`} c="inherit" underline="always">
                  {c.replacedBy.number}
                </Anchor>
              </Text>
            )}
          </Stack>
        </Group>
      </Paper>

      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <dl className={classes.facts}>
          <Fact label={t('verify.name')} value={c.name} strong />
          <Fact label={t('verify.nip')} value={c.nip} />
          <Fact label={t('verify.course')} value={c.courseTitle} />
          <Fact label={t('verify.jp')} value={t('verify.jpValue', { jp: formatNumber(c.jp, lang) })} />
          <Fact label={t('verify.issuedOn')} value={formatDate(c.issuedOn, lang)} />
          <Fact label={t('verify.number')} value={c.number} />
          <Fact label={t('verify.code')} value={c.code} />
          <Fact label={t('verify.issuer')} value={c.issuer} />
        </dl>
      </Paper>
      <Text size="xs" c="dimmed">
        {t('verify.signed', { keyId: v.signature.keyId })}{' '}
        <Anchor href="/.well-known/cakap-keys.json" size="xs" underline="always">
          {t('verify.keys')}
        </Anchor>
      </Text>
      <Group className={classes.noPrint}>
        <Button variant="default" onClick={() => window.print()}>
          {t('verify.print')}
        </Button>
      </Group>
    </Stack>
  );
}

function Fact({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={classes.fact}>
      <dt>{label}</dt>
      <dd className={strong ? classes.strong : undefined}>{value}</dd>
    </div>
  );
}
