import { useEffect, useState } from 'react';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBuildingCommunity, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, loginSchema } from '@cakap/contracts';
import { useLogin } from '../../api/auth';
import { useSession } from '../../api/session';
import { isApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { applyServerErrors, useZodForm } from '../../components/zodForm';
import { usePageTitle } from '../../components/usePageTitle';

const LOCK_CODES: string[] = [ErrorCode.NipLocked, ErrorCode.TooManyAttempts];

/** Counts down the seconds of a lockout (Retry-After). */
function useCountdown() {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= until) setUntil(null);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  const remaining = until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
  return {
    remaining,
    start: (seconds: number) => {
      const n = Date.now();
      setNow(n);
      setUntil(n + seconds * 1000);
    },
  };
}

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const session = useSession();
  const login = useLogin();
  const countdown = useCountdown();
  const [error, setError] = useState<unknown>(null);

  const form = useZodForm({
    initialValues: { nip: '', password: '' },
    schema: loginSchema,
    validateInputOnChange: false,
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await login.mutateAsync({ nip: values.nip, password: values.password });
      // PublicOnly sends the new session where it was heading.
    } catch (e) {
      if (isApiError(e) && LOCK_CODES.includes(e.code) && e.retryAfter) countdown.start(e.retryAfter);
      if (!applyServerErrors(form, e, ['nip', 'password'])) setError(e);
    }
  });

  const locked = countdown.remaining > 0;

  return (
    <Box mih="100dvh" bg="gray.0">
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Group component="header" justify="space-between" px="md" py="sm">
        <Group gap={8}>
          <IconBuildingCommunity size={26} color="var(--mantine-color-cakap-7)" aria-hidden />
          <Text fw={800} fz="xl" c="cakap.8">
            {t('app.name')}
          </Text>
        </Group>
        <LanguageSwitch />
      </Group>
      <Center component="main" id="main-content" tabIndex={-1} px="md" pb="xl">
        <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={420} mt={{ base: 'md', sm: 60 }}>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <div>
                <Title order={1} fz="h2">
                  {t('login.title')}
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  {t('login.intro')}
                </Text>
              </div>
              {session.endedReason && !error && (
                <Alert color="cakap" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
                  {session.endedReason}
                </Alert>
              )}
              {error ? <ErrorAlert error={error} /> : null}
              {locked && (
                <Text size="sm" fw={500} c="red.9">
                  {t('login.lockedCountdown', { seconds: String(countdown.remaining) })}
                </Text>
              )}
              <TextInput
                label={t('login.nip')}
                description={t('login.nipHint')}
                inputMode="numeric"
                autoComplete="username"
                required
                autoFocus
                {...form.getInputProps('nip')}
              />
              <PasswordInput
                label={t('login.password')}
                autoComplete="current-password"
                required
                visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
                {...form.getInputProps('password')}
              />
              <Button type="submit" fullWidth loading={login.isPending} disabled={locked}>
                {t('login.submit')}
              </Button>
              <Text size="xs" c="dimmed">
                {t('login.forgot')}
              </Text>
            </Stack>
          </form>
        </Paper>
      </Center>
      <Text component="footer" ta="center" size="xs" c="dimmed" pb="md">
        {t('app.tagline')}
      </Text>
    </Box>
  );
}
