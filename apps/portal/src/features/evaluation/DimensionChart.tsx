import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';

export interface DimensionBar {
  label: string;
  mean: number;
}

const BAR_ROW_HEIGHT = 40;

/**
 * Mean score per survey dimension as horizontal bars (labels down the side stay readable on a
 * 360px phone). Hidden from assistive tech: the table under it holds the same figures. Loaded
 * lazily (recharts is heavy).
 */
export function DimensionChart({ bars }: { bars: DimensionBar[] }) {
  const { t } = useTranslation();
  return (
    <div aria-hidden="true" data-testid="dimension-chart">
      <BarChart
        h={bars.length * BAR_ROW_HEIGHT + 40}
        data={bars}
        dataKey="label"
        orientation="vertical"
        gridAxis="x"
        tickLine="none"
        xAxisProps={{ domain: [0, 5], tickCount: 6, allowDecimals: false }}
        yAxisProps={{ width: 140 }}
        maxBarWidth={14}
        barChartProps={{ accessibilityLayer: false }}
        // Shade 7: 3:1 or more against white (WCAG 1.4.11).
        series={[{ name: 'mean', label: t('surveySummary.mean'), color: 'cakap.7' }]}
      />
    </div>
  );
}
