import { Anchor, Box, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Heatmap } from '@cakap/contracts';
import { formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { HEAT_STEPS, heatStep, percentLabel } from './heatColor';
import classes from './competencies.module.css';

interface Props {
  heatmap: Heatmap;
  caption: string;
  /** The address that shows a unit's sub-units. */
  drillTo: (unitId: string) => string;
}

/**
 * Units × competencies. The unit column stays put while the competencies scroll sideways (a
 * phone shows a few at a time); every cell prints its share and count, the colour only helps.
 */
export function HeatmapTable({ heatmap, caption, drillTo }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const cells = new Map(heatmap.cells.map((c) => [`${c.orgUnitId}:${c.competencyId}`, c]));
  return (
    // Focusable so a keyboard can scroll it sideways; named so a screen reader knows what it holds.
    <div className={classes.scroller} tabIndex={0} role="region" aria-label={caption}>
      <Table withTableBorder withColumnBorders verticalSpacing="xs" style={{ width: 'max-content', minWidth: '100%' }}>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" className={classes.stickyCol}>
              {t('competencyAdmin.map.unit')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('competencyAdmin.map.asn')}
            </Table.Th>
            {heatmap.competencies.map((c) => (
              <Table.Th key={c.id} scope="col" className={classes.heatCell}>
                <Text span ff="monospace" fw={700} size="sm" display="block">
                  {c.code}
                </Text>
                <Text span size="xs" fw={400} display="block" maw={140} style={{ whiteSpace: 'normal', marginInline: 'auto' }}>
                  {c.name}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {heatmap.units.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Th scope="row" className={classes.stickyCol} fw={500}>
                {u.hasChildren ? (
                  <Anchor component={Link} to={drillTo(u.id)} aria-label={t('competencyAdmin.map.drill', { name: u.name })}>
                    {u.name}
                  </Anchor>
                ) : (
                  u.name
                )}
              </Table.Th>
              <Table.Td ta="right">{formatNumber(u.asnCount, lang)}</Table.Td>
              {heatmap.competencies.map((c) => {
                const cell = cells.get(`${u.id}:${c.id}`);
                if (!cell || cell.required === 0) {
                  return (
                    <Table.Td key={c.id} className={classes.heatCell}>
                      <span aria-hidden>—</span>
                      <span className="visually-hidden">{t('competencyAdmin.map.noRequirement')}</span>
                    </Table.Td>
                  );
                }
                const step = heatStep(cell.share);
                return (
                  <Table.Td key={c.id} className={classes.heatCell} style={{ background: step.background, color: step.text }}>
                    <Text span fw={700} size="sm" c="inherit" display="block">
                      {percentLabel(cell.share)}
                    </Text>
                    <Text span size="xs" c="inherit" display="block">
                      {cell.met}/{cell.required}
                    </Text>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** What the colours mean (they only support the figures). */
export function HeatmapLegend() {
  const { t } = useTranslation();
  return (
    <Stack gap={4} component="section" aria-labelledby="heat-legend">
      <Text size="sm" fw={500} id="heat-legend">
        {t('competencyAdmin.map.legend')}
      </Text>
      <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {HEAT_STEPS.map((s) => (
          <Box component="li" key={s.from} px="xs" py={2} style={{ background: s.background, color: s.text, borderRadius: 4, border: '1px solid var(--mantine-color-gray-4)' }}>
            <Text span size="xs" c="inherit">
              {t('competencyAdmin.map.legendStep', { from: s.from, to: s.to })}
            </Text>
          </Box>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        {t('competencyAdmin.map.legendText')}
      </Text>
    </Stack>
  );
}
