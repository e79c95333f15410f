import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LearningNeedStatus } from '@cakap/contracts';
import { statusColors } from '../../app/theme';

const COLORS: Record<LearningNeedStatus, string> = {
  proposed: statusColors.neutral,
  accepted: 'blue.9',
  planned: statusColors.success,
  declined: statusColors.danger,
};

/** A need's status in words and colour (outline: the colours keep 4.5:1 on white). */
export function NeedStatusBadge({ status }: { status: LearningNeedStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={COLORS[status]} data-status={status}>
      {t(`needs.status.${status}`)}
    </Badge>
  );
}
