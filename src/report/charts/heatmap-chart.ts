import type { HeatmapTooltipData } from './chart-data.js';
import { type ChartOption, type ChartSvg, renderChartSvg } from './render-svg.js';

/** A rows × columns heatmap whose cells show a label (e.g. "54 ±3") over a colour scale. */
export function renderHeatmapSvg(options: {
  rows: string[];
  columns: string[];
  /** cells[row][column]: the coloured number and the label written in the cell. */
  cells: { value: number | null; label: string }[][];
  min: number;
  max: number;
  width: number;
}): ChartSvg & { data: HeatmapTooltipData } {
  const rowHeight = 28;
  const height = 110 + rowHeight * options.rows.length;
  const data: { value: [number, number, number | '-']; label: string }[] = [];
  for (const [row, cells] of options.cells.entries())
    for (const [column, cell] of cells.entries())
      data.push({ value: [column, row, cell.value ?? '-'], label: cell.label });
  const isDark = (value: number | '-') =>
    value !== '-' && (value - options.min) / Math.max(1e-9, options.max - options.min) > 0.55;
  const option: ChartOption = {
    grid: { left: 160, right: 20, top: 10, bottom: 90 },
    xAxis: {
      type: 'category',
      data: options.columns,
      axisLabel: { rotate: 35, fontSize: 11, interval: 0 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: options.rows,
      inverse: true,
      axisLabel: { fontSize: 11, width: 150, overflow: 'truncate' },
    },
    visualMap: {
      min: options.min,
      max: options.max,
      show: false,
      inRange: { color: ['#f7fbff', '#9ecae1', '#2171b5', '#08306b'] },
    },
    series: [
      {
        type: 'heatmap',
        data: data.map((cell) => ({
          value: cell.value,
          label: { show: true, formatter: cell.label, color: isDark(cell.value[2]) ? '#fff' : '#111' },
        })),
        label: { show: true, fontSize: 10 },
      },
    ],
  };
  const tooltip: HeatmapTooltipData = {
    kind: 'heatmap',
    rows: options.rows,
    columns: options.columns,
    labels: options.cells.map((cells) => cells.map((cell) => cell.label)),
  };
  return { ...renderChartSvg({ option, width: options.width, height }), data: tooltip };
}
