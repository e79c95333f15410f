import type { FormEventHandler, ReactNode } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  title: string;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** A failure that belongs to no field. */
  error: unknown;
  saving: boolean;
  /** The fields. */
  children: ReactNode;
}

/** A dialog holding a small form: an error above the fields, Cancel and Save below. */
export function FormModal({ title, onClose, onSubmit, error, saving, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }} fullScreen={false} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {error ? <ErrorAlert error={error} /> : null}
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
