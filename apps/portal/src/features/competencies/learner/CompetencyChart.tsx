import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { ChartRow } from './profileView';

const BAR_ROW_HEIGHT = 44;

/**
 * Achieved against required per competency, as horizontal bars (competency codes down the side
 * read on a 360px phone). Hidden from screen readers: the table under it holds the same figures.
 * Loaded on its own (recharts is heavy), so the page never waits for it.
 */
export function CompetencyChart({ rows, maxLevel }: { rows: ChartRow[]; maxLevel: number }) {
  const { t } = useTranslation();
  return (
    <div aria-hidden="true" data-testid="competency-chart">
      <BarChart
        h={rows.length * BAR_ROW_HEIGHT + 70}
        data={rows}
        dataKey="code"
        orientation="vertical"
        withLegend
        legendProps={{ verticalAlign: 'top', height: 36 }}
        gridAxis="x"
        tickLine="none"
        xAxisProps={{ domain: [0, maxLevel], tickCount: maxLevel + 1, allowDecimals: false }}
        yAxisProps={{ width: 56 }}
        maxBarWidth={14}
        // recharts' keyboard layer makes the svg focusable; the chart is hidden from assistive tech (the table speaks).
        barChartProps={{ accessibilityLayer: false }}
        series={[
          // Shade 7/9: 3:1 or more against white (WCAG 1.4.11); the legend names each colour.
          { name: 'achieved', label: t('myCompetencies.achieved'), color: 'cakap.7' },
          { name: 'required', label: t('myCompetencies.required'), color: 'orange.9' },
        ]}
      />
    </div>
  );
}
