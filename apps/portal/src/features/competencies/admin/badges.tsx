import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompetencyKind, FrameworkStatus } from '@cakap/contracts';
import { statusColors } from '../../../app/theme';

// The badges render as spans: they sit inside text (a page description, a tree row).

const STATUS_COLORS: Record<FrameworkStatus, string> = {
  draft: statusColors.warning,
  published: statusColors.success,
  retired: statusColors.neutral,
};

export function FrameworkStatusBadge({ status }: { status: FrameworkStatus }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" variant="outline" color={STATUS_COLORS[status]} tt="none">
      {t(`competencyAdmin.status.${status}`)}
    </Badge>
  );
}

export function CompetencyKindBadge({ kind }: { kind: CompetencyKind }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" variant="outline" color="cakap" tt="none">
      {t(`competencyAdmin.kind.${kind}`)}
    </Badge>
  );
}
