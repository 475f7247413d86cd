/** The report's stylesheet (inlined; allowed by its hash in the CSP). */
export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5f6368; --line: #e3e3e3; --accent: #2171b5; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fafafa; }
header { padding: 24px 32px 8px; background: #fff; border-bottom: 1px solid var(--line); }
header h1 { margin: 0 0 4px; font-size: 24px; }
nav { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 8px 0 12px; font-size: 14px; }
nav a { color: var(--accent); text-decoration: none; }
main { padding: 0 32px 48px; max-width: 1400px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 24px 20px; margin: 20px 0; }
h2 { font-size: 20px; margin: 16px 0 8px; }
h3 { font-size: 16px; margin: 16px 0 4px; }
.meta { color: var(--muted); font-size: 13px; }
.simulated { background: #fff4ce; border: 1px solid #e0c060; border-radius: 6px; padding: 8px 12px; }
.bad { color: #b3261e; font-weight: 600; }
.values { color: var(--accent); font-size: 12px; margin-left: 6px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.grid { display: flex; flex-wrap: wrap; gap: 8px; }
.small-multiple { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 4px; }
.small-multiple figcaption { font-weight: 600; text-align: center; font-size: 13px; }
.chart { margin: 8px 0; overflow-x: auto; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; position: sticky; top: 0; }
td ul { margin: 0; padding-left: 18px; }
table.numbers td { text-align: right; }
table.numbers td:first-child, table.numbers td:nth-child(2) { text-align: left; }
.rates td { white-space: nowrap; }
.rates .score { font-weight: 600; display: inline-block; min-width: 2.2em; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; margin: 4px 0 8px; }
.legend-item { display: inline-flex; align-items: center; gap: 5px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
.legend-item.toggle { cursor: pointer; user-select: none; border-radius: 3px; padding: 0 3px; }
.legend-item.toggle:focus-visible { outline: 2px solid var(--accent); }
.legend-item[aria-pressed="false"] { opacity: 0.4; text-decoration: line-through; }
.ec-chart svg .series-off { display: none; }
.ec-chart svg text, .ec-chart svg polygon { pointer-events: none; }
.ec-chart svg polyline { pointer-events: visibleStroke; }
#chart-tooltip { position: fixed; z-index: 10; pointer-events: none; max-width: 320px; padding: 4px 8px;
  background: #fff; border: 1px solid #bbb; border-radius: 4px; box-shadow: 0 2px 6px rgba(0, 0, 0, 0.15);
  font-size: 12px; line-height: 1.4; overflow-wrap: anywhere; }
#chart-tooltip strong, #chart-tooltip span { display: block; }
.interval { vertical-align: middle; }
.question { border-top: 1px solid var(--line); padding-top: 4px; }
.question h3 { overflow-wrap: anywhere; }
.controls { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; }
.controls input { flex: 1 1 280px; padding: 6px 8px; font: inherit; }
.controls select, button { padding: 6px 8px; font: inherit; }
pre { background: #f6f6f6; padding: 12px; overflow-x: auto; font-size: 12px; }
details { margin: 8px 0; }
summary { cursor: pointer; }
`;
