import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { statusColors } from '../../../app/theme';
import type { UserImport } from '@cakap/contracts';

const COLORS: Record<UserImport['status'], string> = {
  queued: 'gray.7',
  running: 'cakap',
  completed: statusColors.success,
  failed: 'red.9',
};

export function ImportStatusBadge({ status }: { status: UserImport['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={COLORS[status]} tt="none">
      {t(`imports.status.${status}`)}
    </Badge>
  );
}
