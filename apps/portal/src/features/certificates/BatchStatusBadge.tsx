import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BatchStatus } from '@cakap/contracts';
import { statusColors } from '../../app/theme';

const COLORS: Record<BatchStatus, string> = {
  queued: statusColors.neutral,
  running: 'cakap.8',
  completed: statusColors.success,
  failed: statusColors.danger,
};

export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={COLORS[status]}>
      {t(`certificates.batches.status.${status}`)}
    </Badge>
  );
}
