import type { RadarTooltipData } from './chart-data.js';
import { type ChartOption, type ChartSvg, renderChartSvg, seriesColor } from './render-svg.js';

/** One polygon on a radar: a name and one number per axis (null when the model has no score there). */
export interface RadarSeries {
  name: string;
  values: (number | null)[];
  /** Index into the series palette, so a model keeps its colour across charts. */
  colorIndex: number;
}

/** The radar's centre, as a share of the chart's height (a little low, for the axis names on top). */
const CENTRE_Y = 0.52;

/** A radar on the value circle: one axis per value, in the theory's circular order. */
export function renderRadarSvg(options: {
  axes: string[];
  series: RadarSeries[];
  max: number;
  width: number;
  height: number;
  /** Size of the axis names in SVG units (the SVG scales with its container). @default 10 */
  fontSize?: number;
  /** Radius in SVG units, or as a share of half the chart's smaller side; the rest is for the axis names. @default '56%' */
  radius?: number | string;
  /** Diameter of the points, in SVG units. @default 3 */
  symbolSize?: number;
}): ChartSvg & { data: RadarTooltipData } {
  const rounded = (value: number | null) => (value === null ? null : Number(value.toFixed(2)));
  const option: ChartOption = {
    color: options.series.map((series) => seriesColor(series.colorIndex)),
    radar: {
      indicator: options.axes.map((name) => ({ name, max: options.max, min: 0 })),
      radius: options.radius ?? '56%',
      center: ['50%', `${CENTRE_Y * 100}%`],
      axisName: { fontSize: options.fontSize ?? 10, color: '#333' },
      splitNumber: 4,
    },
    series: [
      {
        type: 'radar',
        symbolSize: options.symbolSize ?? 3,
        lineStyle: { width: 1.5 },
        areaStyle: { opacity: options.series.length === 1 ? 0.25 : 0.04 },
        data: options.series.map((series) => ({
          name: series.name,
          // echarts draws a missing value ('-') as a gap rather than as zero.
          value: series.values.map((value) => rounded(value) ?? '-'),
        })),
      },
    ],
  };
  const data: RadarTooltipData = {
    kind: 'radar',
    axes: options.axes,
    series: options.series.map((series) => ({
      name: series.name,
      key: series.colorIndex,
      values: series.values.map(rounded),
    })),
    centre: [options.width / 2, options.height * CENTRE_Y],
  };
  return { ...renderChartSvg({ option, width: options.width, height: options.height }), data };
}
