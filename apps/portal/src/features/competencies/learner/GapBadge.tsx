import { Badge } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProfileRow } from '@cakap/contracts';
import { statusColors } from '../../../app/theme';
import { gapState } from './profileView';

/** The gap in words ("Kurang 1 level"), with an icon and a colour that only repeat what the words say. */
export function GapBadge({ row }: { row: Pick<ProfileRow, 'required' | 'gap'> }) {
  const { t } = useTranslation();
  const state = gapState(row);
  if (state.kind === 'short') {
    return (
      <Badge variant="outline" color={statusColors.warning} tt="none" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
        {t('myCompetencies.gap.short', { count: state.levels })}
      </Badge>
    );
  }
  if (state.kind === 'met') {
    return (
      <Badge variant="outline" color={statusColors.success} tt="none" leftSection={<IconCircleCheck size={12} aria-hidden />}>
        {t('myCompetencies.gap.met')}
      </Badge>
    );
  }
  return (
    <Badge variant="outline" color={statusColors.neutral} tt="none" leftSection={<IconMinus size={12} aria-hidden />}>
      {t('myCompetencies.gap.notRequired')}
    </Badge>
  );
}
