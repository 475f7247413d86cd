import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { CHART_SCRIPT } from './chart-client.js';

let cached: string | undefined;

/**
 * echarts' own SSR client (`echarts/ssr/client`, ~3.5 kB, Apache-2.0, licence header kept): its
 * `hydrate(element, { on })` reports pointer events on server-rendered SVG with the series and data
 * index echarts wrote into it. Inlined verbatim from the installed echarts (so it always matches the
 * renderer), minus the source-map comment (nothing may be fetched).
 */
export function echartsSsrClientScript(): string {
  if (cached === undefined) {
    const path = createRequire(import.meta.url).resolve('echarts/ssr/client/index');
    cached = readFileSync(path, 'utf8').replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
  }
  return cached;
}

/** The inline scripts a section with interactive charts adds: echarts' SSR client, then the chart script. */
export function chartScripts(): string[] {
  return [echartsSsrClientScript(), CHART_SCRIPT];
}
