import { BarChart, LineChart } from '@mantine/charts';
// The legend and tooltip styles, loaded with the charts (not on the learner's first screen).
import '@mantine/charts/styles.css';

/**
 * The report charts, in one lazily loaded module (recharts is heavy; the figures and tables show
 * first). Each is hidden from assistive tech: the table next to it holds the same figures.
 * Colours: shade 7/8, 3:1 or more against white (WCAG 1.4.11).
 */
export interface Series {
  name: string;
  label: string;
}

const COLORS = ['cakap.7', 'orange.8'];

const withColors = (series: Series[]) => series.map((s, i) => ({ ...s, color: COLORS[i % COLORS.length]! }));

/** Counts per month or period as grouped columns. */
export function CountColumns({ data, dataKey, series, format }: { data: Record<string, unknown>[]; dataKey: string; series: Series[]; format: (v: number) => string }) {
  return (
    <div aria-hidden="true" data-testid="chart">
      <BarChart
        h={240}
        data={data}
        dataKey={dataKey}
        series={withColors(series)}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        tickLine="none"
        gridAxis="y"
        valueFormatter={format}
        yAxisProps={{ allowDecimals: false, width: 44 }}
        barChartProps={{ accessibilityLayer: false }}
      />
    </div>
  );
}

/** One figure across periods, on a fixed scale (so a small change does not look dramatic). */
export function TrendLine({
  data,
  dataKey,
  series,
  domain,
  format,
}: {
  data: Record<string, unknown>[];
  dataKey: string;
  series: Series;
  domain: [number, number];
  format: (v: number) => string;
}) {
  return (
    <div aria-hidden="true" data-testid="chart">
      <LineChart
        h={200}
        data={data}
        dataKey={dataKey}
        series={withColors([series])}
        curveType="linear"
        connectNulls={false}
        tickLine="none"
        gridAxis="y"
        valueFormatter={format}
        yAxisProps={{ domain, width: 44, tickFormatter: format }}
        lineChartProps={{ accessibilityLayer: false }}
      />
    </div>
  );
}

const BAR_ROW_HEIGHT = 36;

/** Scores or shares 0..1 as horizontal bars, labels down the side (readable on a 360 px phone). */
export function ShareBars({ data, label, format }: { data: { label: string; value: number }[]; label: string; format: (v: number) => string }) {
  return (
    <div aria-hidden="true" data-testid="chart">
      <BarChart
        h={data.length * BAR_ROW_HEIGHT + 40}
        data={data}
        dataKey="label"
        orientation="vertical"
        gridAxis="x"
        tickLine="none"
        series={[{ name: 'value', label, color: COLORS[0]! }]}
        valueFormatter={format}
        xAxisProps={{ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], tickFormatter: format }}
        yAxisProps={{ width: 140 }}
        maxBarWidth={14}
        barChartProps={{ accessibilityLayer: false }}
      />
    </div>
  );
}
