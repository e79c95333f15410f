import { Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { statusColors } from '../../app/theme';
import type { SaveState } from './useContentDraft';

/** "Tersimpan / Menyimpan… / Perubahan belum tersimpan / Gagal menyimpan — coba lagi", announced politely. */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Group gap={6} wrap="nowrap" role="status" aria-live="polite" data-testid="save-state">
        {state === 'saving' && <Loader size={14} aria-hidden />}
        {state === 'saved' && <IconCircleCheck size={16} color={statusColors.success} aria-hidden />}
        {state === 'dirty' && <IconPencil size={16} aria-hidden />}
        {(state === 'error' || state === 'conflict') && <IconAlertTriangle size={16} color="var(--mantine-color-red-9)" aria-hidden />}
        <Text size="sm" fw={500} c={state === 'error' || state === 'conflict' ? 'red.9' : state === 'saved' ? statusColors.success : undefined}>
          {t(`save.${state}`)}
        </Text>
      </Group>
      {state === 'error' && (
        <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Group>
  );
}
