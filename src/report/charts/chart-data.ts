import { jsonForScript } from '../html.js';

/**
 * What the browser needs to explain a hovered radar element: echarts' SSR metadata gives the
 * polygon's data index (one per model); the axis is found from the pointer's angle around `centre`.
 */
export interface RadarTooltipData {
  kind: 'radar';
  axes: string[];
  /** In data-index order; `key` is the model's index in the report (shared by legends and colours). */
  series: { name: string; key: number; values: (number | null)[] }[];
  /** Radar centre in SVG units; axis 0 points up and the rest follow anticlockwise. */
  centre: [number, number];
}

/** A heatmap cell's data index is `row * columns.length + column`. */
export interface HeatmapTooltipData {
  kind: 'heatmap';
  rows: string[];
  columns: string[];
  /** labels[row][column], as written in the cell. */
  labels: string[][];
  /** Rows are the values and columns the models (the narrow layout); the tooltip still names the model first. */
  transposed?: boolean;
}

export type ChartTooltipData = RadarTooltipData | HeatmapTooltipData;

/**
 * A chart's tooltip data as an inert JSON block for the chart script (the browser never runs
 * `application/json`, and `jsonForScript` keeps `</script>` in labels from closing it).
 */
export function chartDataScript(data: ChartTooltipData): string {
  return `<script type="application/json" data-role="chart-data">${jsonForScript(data)}</script>`;
}
