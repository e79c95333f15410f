import { useState } from 'react';
import { notifications } from '@mantine/notifications';

interface DeleteMutation {
  mutateAsync: (id: string) => Promise<unknown>;
  reset: () => void;
  isPending: boolean;
  error: unknown;
}

/**
 * Asking before deleting a row: `ask(item)` opens the dialog, `modalProps` go to a ConfirmModal,
 * which stays open with the api's reason when the delete fails.
 */
export function useDeleteDialog<T extends { id: string; name: string }>(remove: DeleteMutation, deletedMessage: (item: T) => string) {
  const [deleting, setDeleting] = useState<T | null>(null);

  const confirm = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync(deleting.id);
      notifications.show({ color: 'green', message: deletedMessage(deleting) });
      setDeleting(null);
      remove.reset();
    } catch {
      // shown in the dialog
    }
  };

  const ask = (item: T) => {
    remove.reset();
    setDeleting(item);
  };

  return {
    deleting,
    ask,
    modalProps: {
      opened: !!deleting,
      loading: remove.isPending,
      error: remove.error,
      onConfirm: () => void confirm(),
      onClose: () => setDeleting(null),
    },
  };
}
