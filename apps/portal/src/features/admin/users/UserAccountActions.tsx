import { useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '@cakap/contracts';
import { useResetPassword, useUpdateUser } from '../../../api/users';
import { ConfirmModal } from '../../../components/ConfirmModal';

export type AccountAction = { kind: 'reset' | 'toggle'; user: User } | null;

/** The dialogs behind "Reset kata sandi" and "Nonaktifkan/Aktifkan" for one user. */
export function UserAccountDialogs({ action, onClose }: { action: AccountAction; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const update = useUpdateUser();
  const [temp, setTemp] = useState<{ name: string; password: string } | null>(null);
  const user = action?.user;

  const close = () => {
    reset.reset();
    update.reset();
    onClose();
  };

  const doReset = async () => {
    if (!user) return;
    try {
      const res = await reset.mutateAsync(user.id);
      setTemp({ name: user.name, password: res.temporaryPassword });
      close();
    } catch {
      // shown in the dialog
    }
  };

  const doToggle = async () => {
    if (!user) return;
    try {
      await update.mutateAsync({ id: user.id, body: { active: !user.active } });
      notifications.show({
        color: 'green',
        message: t(user.active ? 'users.deactivated' : 'users.activated', { name: user.name }),
      });
      close();
    } catch {
      // shown in the dialog
    }
  };

  return (
    <>
      <ConfirmModal
        opened={action?.kind === 'reset'}
        title={t('users.resetTitle')}
        confirmLabel={t('users.resetConfirm')}
        color="cakap"
        loading={reset.isPending}
        error={reset.error}
        onConfirm={() => void doReset()}
        onClose={close}
      >
        {t('users.resetText', { name: user?.name ?? '' })}
      </ConfirmModal>
      <ConfirmModal
        opened={action?.kind === 'toggle'}
        title={user?.active ? t('users.deactivateTitle') : t('users.activateTitle')}
        confirmLabel={user?.active ? t('users.deactivate') : t('users.activate')}
        color={user?.active ? 'red' : 'cakap'}
        loading={update.isPending}
        error={update.error}
        onConfirm={() => void doToggle()}
        onClose={close}
      >
        {t(user?.active ? 'users.deactivateText' : 'users.activateText', { name: user?.name ?? '' })}
      </ConfirmModal>
      <Modal
        opened={!!temp}
        onClose={() => setTemp(null)}
        title={t('users.tempTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        {temp && (
          <Stack>
            <Alert color="yellow" variant="light">
              {t('users.tempText', { name: temp.name })}
            </Alert>
            <Group gap="sm" wrap="nowrap">
              <Code
                fz="lg"
                p="sm"
                style={{ flex: 1, letterSpacing: '0.05em', userSelect: 'all' }}
                aria-label={t('users.tempLabel', { name: temp.name })}
                data-testid="temporary-password"
              >
                {temp.password}
              </Code>
              <CopyButton value={temp.password}>
                {({ copied, copy }) => (
                  <Button
                    onClick={copy}
                    variant={copied ? 'light' : 'filled'}
                    leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  >
                    {copied ? t('common.copied') : t('users.copyTemp')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTemp(null)}>
                {t('common.close')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
