/** The base look: type, sections, tables, legends, tooltips. */
const BASE_STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5f6368; --line: #e3e3e3; --accent: #2171b5;
  --gutter: clamp(8px, 3vw, 32px); }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fafafa;
  overflow-wrap: break-word; }
header { padding: 16px var(--gutter) 8px; background: #fff; border-bottom: 1px solid var(--line); }
header h1 { margin: 0 0 4px; font-size: clamp(19px, 4vw, 24px); }
header > * { max-width: 1336px; margin-left: auto; margin-right: auto; }
nav { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 8px 0 12px; font-size: 14px; }
nav a { color: var(--accent); text-decoration: none; }
main { padding: 0 var(--gutter) 48px; max-width: 1400px; margin: 0 auto; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px clamp(10px, 2vw, 24px) 20px;
  margin: 20px 0; min-width: 0; }
h2 { font-size: 20px; margin: 16px 0 8px; }
h3 { font-size: 16px; margin: 16px 0 4px; }
.meta, .muted { color: var(--muted); font-size: 13px; }
.simulated { background: #fff4ce; border: 1px solid #e0c060; border-radius: 6px; padding: 8px 12px; }
.bad { color: #b3261e; font-weight: 600; }
.values { color: var(--accent); font-size: 12px; margin-left: 6px; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 16px; margin: 8px 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.model-name { white-space: nowrap; overflow-wrap: normal; word-break: normal; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
thead th { position: sticky; top: 0; }
td ul { margin: 0; padding-left: 18px; }
table.numbers td { text-align: right; }
table.numbers td:first-child, table.numbers td:nth-child(2) { text-align: left; }
table.pin-first th:first-child, table.pin-first td:first-child { position: sticky; left: 0; z-index: 1; background: #fff;
  box-shadow: inset -1px 0 0 var(--line); }
table.pin-first thead th:first-child { background: #f3f3f3; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; margin: 4px 0 8px; }
.legend-item { display: inline-flex; align-items: center; gap: 5px; min-width: 0; max-width: 100%; }
.legend-item .model-name, figcaption .model-name, td .model-name, th .model-name { display: inline-block; max-width: 100%;
  overflow: hidden; text-overflow: ellipsis; vertical-align: bottom; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; flex: none; }
.legend-item.toggle { cursor: pointer; user-select: none; border-radius: 3px; padding: 0 3px; }
.legend-item.toggle:focus-visible { outline: 2px solid var(--accent); }
.legend-item[aria-pressed="false"] { opacity: 0.4; text-decoration: line-through; }
#chart-tooltip { position: fixed; z-index: 10; pointer-events: none; max-width: 320px; padding: 4px 8px;
  background: #fff; border: 1px solid #bbb; border-radius: 4px; box-shadow: 0 2px 6px rgba(0, 0, 0, 0.15);
  font-size: 12px; line-height: 1.4; overflow-wrap: anywhere; }
#chart-tooltip strong, #chart-tooltip span { display: block; }
.controls { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.controls input { flex: 1 1 240px; min-width: 0; padding: 6px 8px; font: inherit; }
.controls select, button { padding: 6px 8px; font: inherit; max-width: 100%; }
pre { background: #f6f6f6; padding: 12px; overflow-x: auto; font-size: 12px; }
details { margin: 8px 0; }
summary { cursor: pointer; }
summary h3 { display: inline; margin: 0; }
@media print { details::details-content { content-visibility: visible; } }
`;

/**
 * Charts scale with their container: the server-rendered SVG keeps its viewBox and takes the container's
 * width (never more than the chart's own cap); a chart with a narrow variant swaps to it by container query.
 */
const CHART_STYLE = `
.chart, .ec-chart { margin: 8px 0; min-width: 0; }
.chart svg, .ec-chart svg { display: block; width: 100%; height: auto; margin: 0 auto; }
.chart-wide svg { max-width: 960px; }
.chart-overlay svg { max-width: 600px; }
.ec-chart svg .series-off { display: none; }
.ec-chart svg text, .ec-chart svg polygon, .ec-chart svg path:not([ecmeta_data_index]) { pointer-events: none; }
.ec-chart svg polyline { pointer-events: visibleStroke; }
.chart-variants { container-type: inline-size; }
.chart-variants > .variant-narrow { display: none; }
@container (max-width: 600px) {
  .chart-variants > .variant-wide { display: none; }
  .chart-variants > .variant-narrow { display: block; }
}
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 8px; }
.grid.wide { grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); }
.small-multiple { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 4px; min-width: 0; }
.small-multiple figcaption { font-weight: 600; text-align: center; font-size: 13px; }
.radar-layout { container-type: inline-size; }
.radar-columns { display: grid; gap: 16px; }
@container (min-width: 960px) {
  .radar-columns { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); align-items: start; }
  .radar-columns > .chart-overlay { position: sticky; top: 8px; margin: 0; }
}
.radar-columns > .grid { grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); }
.interval { vertical-align: middle; }
`;

/** Long tables scroll inside their own box; answers stack per model on narrow screens. */
const TABLE_STYLE = `
.rates td { white-space: nowrap; }
.rates td .line { display: block; }
.rates .score { font-weight: 600; display: inline-block; min-width: 2.2em; }
.rates th .model-name { max-width: 10em; }
.rates td, .rates th { padding: 4px 6px; }
.question { border-top: 1px solid var(--line); padding-top: 4px; }
.question details { margin: 0; }
.question summary { padding: 4px 0; }
.question summary h3 { font-size: 15px; }
.question summary .meta { display: block; margin-left: 18px; }
table.answers { width: 100%; }
@media (max-width: 640px) {
  table.answers, table.answers tbody, table.answers tr, table.answers td { display: block; width: 100%; }
  table.answers thead { display: none; }
  table.answers tr { border-top: 1px solid var(--line); padding: 6px 0; }
  table.answers td { border: 0; padding: 1px 0; }
  table.answers td:nth-child(2)::before { content: "stance: "; color: var(--muted); }
  table.answers td:nth-child(3)::before { content: "values: "; color: var(--muted); }
  table.answers td:first-child { font-weight: 600; }
}
.picker { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; margin: 4px 0 8px; border: 0; padding: 0; }
.picker legend { font-size: 13px; color: var(--muted); padding: 0; margin-bottom: 2px; }
.picker label { display: inline-flex; align-items: center; gap: 5px; min-width: 0; max-width: 100%; cursor: pointer; }
.picker .model-name { display: inline-block; max-width: 100%; overflow: hidden; text-overflow: ellipsis; }
`;

/** The report's stylesheet (inlined; allowed by its hash in the CSP). */
export const PAGE_STYLE = [BASE_STYLE, CHART_STYLE, TABLE_STYLE].join('');
