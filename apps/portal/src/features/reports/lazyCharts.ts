import { lazy } from 'react';

// recharts is heavy: the charts load after the figures and tables (UX: nothing blocks on a chart).
export const CountColumns = lazy(async () => ({ default: (await import('./ReportCharts')).CountColumns }));
export const TrendLine = lazy(async () => ({ default: (await import('./ReportCharts')).TrendLine }));
export const ShareBars = lazy(async () => ({ default: (await import('./ReportCharts')).ShareBars }));
export const DimensionChart = lazy(async () => ({ default: (await import('../evaluation/DimensionChart')).DimensionChart }));
