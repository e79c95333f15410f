import { Suspense, useId, useState, type ReactNode } from 'react';
import { Button, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  description?: string;
  /** The chart (hidden from assistive tech) and its fallback height while recharts loads. */
  chart: ReactNode;
  chartHeight?: number;
  /** The same figures as a table, one click away. */
  table: ReactNode;
  /** Heading level inside the page (2 for a section, 3 inside one). */
  order?: 2 | 3;
}

/**
 * A chart with its table alternative (UX: "reports as charts with the table one click away").
 * The chart is aria-hidden; the toggle says whether the table is open (aria-expanded).
 */
export function ChartFigure({ title, description, chart, chartHeight = 240, table, order = 3 }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const tableId = `${id}-table`;
  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby={`${id}-title`} style={{ minWidth: 0 }}>
      <Stack gap="xs">
        <Title order={order} fz="h5" id={`${id}-title`}>
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
        {/* Clipped: recharts keeps its hidden tooltip where it last was, which can stick out past a phone's edge. */}
        <div style={{ overflow: 'hidden' }}>
          <Suspense fallback={<Skeleton h={chartHeight} />}>{chart}</Suspense>
        </div>
        <div>
          <Button variant="subtle" size="xs" leftSection={<IconTable size={14} aria-hidden />} aria-expanded={open} aria-controls={tableId} onClick={() => setOpen((o) => !o)}>
            {open ? t('reports.table.hide') : t('reports.table.show')}
          </Button>
        </div>
        <div id={tableId} hidden={!open}>
          {open && table}
        </div>
      </Stack>
    </Paper>
  );
}
