import { useState } from 'react';
import { Button, Stack, Table, Text } from '@mantine/core';
import { IconStairs } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProfileRow } from '@cakap/contracts';
import { ListTable } from '../../../components/ListTable';
import { formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { GapBadge } from './GapBadge';
import { LevelsModal } from './LevelsModal';

/**
 * One row per competency: achieved, required and the gap in words, each with its level
 * descriptions a tap away. The chart above shows the same figures; this is what screen
 * readers read. On a phone the two numbers move under the name.
 */
export function ProfileTable({ profile }: { profile: ProfileRow[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [open, setOpen] = useState<ProfileRow | null>(null);
  const required = (r: ProfileRow) => (r.required === null ? '—' : formatNumber(r.required, lang));
  return (
    <>
      <ListTable
        caption={t('myCompetencies.tableCaption')}
        minWidth={560}
        columns={[
          { label: t('myCompetencies.competency') },
          { label: t('myCompetencies.achieved'), numeric: true, hideOnPhone: true },
          { label: t('myCompetencies.required'), numeric: true, hideOnPhone: true },
          { label: t('myCompetencies.status') },
        ]}
      >
        {profile.map((r) => (
          <Table.Tr key={r.competencyId} data-testid={`competency-${r.code}`}>
            <Table.Td>
              <Stack gap={2} align="flex-start">
                <Text size="sm" fw={600}>
                  {r.code} {r.name}
                </Text>
                <Text size="xs" c="dimmed" hiddenFrom="sm">
                  {t('myCompetencies.achieved')}: {formatNumber(r.achieved, lang)} · {t('myCompetencies.required')}: {required(r)}
                </Text>
                <Button
                  variant="subtle"
                  size="compact-xs"
                  px={0}
                  leftSection={<IconStairs size={14} aria-hidden />}
                  aria-label={t('myCompetencies.showLevelsOf', { code: r.code, name: r.name })}
                  onClick={() => setOpen(r)}
                >
                  {t('myCompetencies.showLevels')}
                </Button>
              </Stack>
            </Table.Td>
            <Table.Td ta="right" visibleFrom="sm">
              {formatNumber(r.achieved, lang)}
            </Table.Td>
            <Table.Td ta="right" visibleFrom="sm">
              {required(r)}
            </Table.Td>
            <Table.Td>
              <GapBadge row={r} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <LevelsModal row={open} onClose={() => setOpen(null)} />
    </>
  );
}
