import type { HeatmapTooltipData } from './chart-data.js';
import { type ChartOption, type ChartSvg, renderChartSvg } from './render-svg.js';

/** One cell: the coloured number, the label written in it and a shorter one for the narrow layout. */
export interface HeatmapCell {
  value: number | null;
  label: string;
  /** Written in the cell of the narrow layout, where `label` does not fit. @default label */
  shortLabel?: string;
}

/** `wide`: rows × columns as given. `narrow`: transposed, short labels, column names upright — for phones. */
export type HeatmapLayout = 'wide' | 'narrow';

interface LayoutSizes {
  rowLabel: number;
  cellWidth: number;
  rowHeight: number;
  bottom: number;
  rotate: number;
}

const SIZES: Record<HeatmapLayout, LayoutSizes> = {
  wide: { rowLabel: 130, cellWidth: 66, rowHeight: 28, bottom: 90, rotate: 35 },
  narrow: { rowLabel: 96, cellWidth: 27, rowHeight: 24, bottom: 104, rotate: 90 },
};

function transpose<T>(grid: T[][]): T[][] {
  return (grid[0] ?? []).map((_, column) => grid.map((row) => row[column]!));
}

/** A rows × columns heatmap whose cells show a label (e.g. "54 ±3") over a colour scale. */
export function renderHeatmapSvg(options: {
  rows: string[];
  columns: string[];
  /** cells[row][column]. */
  cells: HeatmapCell[][];
  min: number;
  max: number;
  layout?: HeatmapLayout;
}): ChartSvg & { data: HeatmapTooltipData } {
  const layout = options.layout ?? 'wide';
  const narrow = layout === 'narrow';
  const rows = narrow ? options.columns : options.rows;
  const columns = narrow ? options.rows : options.columns;
  const cells = narrow ? transpose(options.cells) : options.cells;
  const sizes = SIZES[layout];
  const width = sizes.rowLabel + 12 + sizes.cellWidth * columns.length;
  const height = 10 + sizes.bottom + sizes.rowHeight * rows.length;
  const option = heatmapOption({ rows, columns, cells, min: options.min, max: options.max, sizes, narrow });
  const tooltip: HeatmapTooltipData = {
    kind: 'heatmap',
    rows,
    columns,
    labels: cells.map((row) => row.map((cell) => cell.label)),
    ...(narrow ? { transposed: true } : {}),
  };
  return { ...renderChartSvg({ option, width, height }), data: tooltip };
}

function heatmapOption(options: {
  rows: string[];
  columns: string[];
  cells: HeatmapCell[][];
  min: number;
  max: number;
  sizes: LayoutSizes;
  narrow: boolean;
}): ChartOption {
  const { sizes } = options;
  const isDark = (value: number | null) =>
    value !== null && (value - options.min) / Math.max(1e-9, options.max - options.min) > 0.55;
  const data = options.cells.flatMap((row, rowIndex) =>
    row.map((cell, column) => ({
      value: [column, rowIndex, cell.value ?? '-'],
      label: {
        show: true,
        formatter: options.narrow ? (cell.shortLabel ?? cell.label) : cell.label,
        color: isDark(cell.value) ? '#fff' : '#111',
      },
    })),
  );
  const labelWidth = sizes.bottom - 12;
  return {
    grid: { left: sizes.rowLabel, right: 12, top: 10, bottom: sizes.bottom },
    xAxis: {
      type: 'category',
      data: options.columns,
      axisLabel: { rotate: sizes.rotate, fontSize: 11, interval: 0, width: labelWidth, overflow: 'truncate' },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: options.rows,
      inverse: true,
      axisLabel: { fontSize: 11, width: sizes.rowLabel - 10, overflow: 'truncate' },
    },
    visualMap: {
      min: options.min,
      max: options.max,
      show: false,
      inRange: { color: ['#f7fbff', '#9ecae1', '#2171b5', '#08306b'] },
    },
    series: [{ type: 'heatmap', data, label: { show: true, fontSize: options.narrow ? 10 : 11 } }],
  };
}
