import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Mutation {
  isPending: boolean;
  error: unknown;
  reset: () => void;
}

interface Props {
  dirty: boolean;
  /** Errors on the form's fields: the bar says so instead of "unsaved". */
  hasFieldErrors?: boolean;
  save: Mutation;
  /** Sends the draft; false when it was not sent (the editor's own checks found errors). */
  onSave: () => Promise<boolean>;
  /** Shown while the questionnaire differs from the default: "back to the default". */
  canReset: boolean;
  reset: Mutation & { mutateAsync: () => Promise<unknown> };
  labels: { save: string; saved: string; reset: string; resetTitle: string; resetText: string; resetDone: string };
}

/**
 * The foot of the studio's questionnaire editors (post-course survey, follow-up): a save error
 * that belongs to no field, the unsaved/erroneous state in words, Save, and "back to the default"
 * behind a confirmation. Field errors stay on their fields (the editor shows them).
 */
export function EditorActions({ dirty, hasFieldErrors, save, onSave, canReset, reset, labels }: Props) {
  const { t } = useTranslation();
  const [confirmReset, setConfirmReset] = useState(false);

  const runSave = async () => {
    try {
      if (!(await onSave())) return;
      notifications.show({ color: 'green', message: labels.saved });
    } catch {
      // shown on the fields and above the buttons
    }
  };
  const runReset = async () => {
    try {
      await reset.mutateAsync();
      save.reset();
      setConfirmReset(false);
      notifications.show({ color: 'green', message: labels.resetDone });
    } catch {
      // shown in the dialog
    }
  };

  return (
    <>
      {save.error && !(isApiError(save.error) && save.error.errors.length) ? <ErrorAlert error={save.error} /> : null}
      {hasFieldErrors ? (
        <Text c="red.8" size="sm" role="alert">
          {t('common.formHasErrors')}
        </Text>
      ) : dirty ? (
        <Alert color="yellow" p="xs" role="status">
          {t('surveyEditor.unsaved')}
        </Alert>
      ) : null}
      <Group gap="sm">
        <Button onClick={() => void runSave()} loading={save.isPending} disabled={!dirty}>
          {labels.save}
        </Button>
        {canReset ? (
          <Button variant="subtle" color="red" onClick={() => setConfirmReset(true)}>
            {labels.reset}
          </Button>
        ) : null}
      </Group>
      <ConfirmModal
        opened={confirmReset}
        title={labels.resetTitle}
        confirmLabel={labels.reset}
        loading={reset.isPending}
        error={reset.error}
        onConfirm={() => void runReset()}
        onClose={() => setConfirmReset(false)}
      >
        <Text>{labels.resetText}</Text>
      </ConfirmModal>
    </>
  );
}
