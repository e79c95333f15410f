import { useState } from 'react';
import { Alert, Button, Group, Paper, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { changePasswordSchema } from '@cakap/contracts';
import { useChangePassword } from '../../api/auth';
import { useSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { applyServerErrors, useZodForm } from '../../components/zodForm';
import i18n from '../../i18n';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const forced = !!session.user?.mustChangePassword;
  const change = useChangePassword();
  const [error, setError] = useState<unknown>(null);

  const form = useZodForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    schema: changePasswordSchema,
    toInput: (v) => ({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    extra: (v) => {
      const errors: Record<string, string> = {};
      if (v.confirm && v.confirm !== v.newPassword) errors.confirm = i18n.t('password.mismatch');
      if (v.newPassword && v.newPassword === v.currentPassword) errors.newPassword = i18n.t('password.sameAsCurrent');
      return errors;
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      notifications.show({ color: 'green', message: t('password.done') });
      form.reset();
      navigate('/', { replace: true });
    } catch (e) {
      if (!applyServerErrors(form, e, ['currentPassword', 'newPassword'])) setError(e);
    }
  });

  return (
    <>
      <PageHeader title={t('password.title')} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} maw={520}>
        <form onSubmit={submit} noValidate>
          <Stack>
            {forced && (
              <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} role="status">
                {t('password.forced')}
              </Alert>
            )}
            {error ? <ErrorAlert error={error} /> : null}
            <PasswordInput
              label={t('password.current')}
              autoComplete="current-password"
              required
              {...form.getInputProps('currentPassword')}
            />
            <PasswordInput
              label={t('password.new')}
              description={t('password.newHint')}
              autoComplete="new-password"
              required
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput
              label={t('password.confirm')}
              autoComplete="new-password"
              required
              {...form.getInputProps('confirm')}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={change.isPending}>
                {t('password.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
