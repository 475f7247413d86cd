// Benchmark (not a test): the HTML report of a synthetic paper-scale run (12,310 questions × 16 models,
// 3–5 key points per answer with justifications and judged values). Prints render time, file size, how
// much answer text fitted, and first paint / explorer-ready times in headless Chromium when it is installed.
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { renderReport } from '../src/report/index.js';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/helpers/chromium.js';
import { syntheticReportData } from '../test/helpers/synthetic-report-data.js';
import { mb, trackPeakRss } from './helpers/figures.js';

const questions = Number(process.env.BENCH_QUESTIONS ?? 12_310);
const models = Number(process.env.BENCH_MODELS ?? 16);

const rss = trackPeakRss();
let started = performance.now();
const data = syntheticReportData({ questions, models });
const buildMs = performance.now() - started;
const points = data.answers.reduce((sum, answer) => sum + (answer.points?.length ?? 0), 0);
const text = data.answers.reduce(
  (sum, answer) =>
    sum +
    (answer.points ?? []).reduce(
      (inner, point) => inner + point.point.length + point.justification.length,
      0,
    ),
  0,
);
started = performance.now();
const report = renderReport(data);
const renderMs = performance.now() - started;
const peak = rss.stop();

const dir = mkdtempSync(join(tmpdir(), 'adaem-bench-report-'));
const path = join(dir, 'report.html');
writeFileSync(path, report.html);
const bytes = statSync(path).size;

console.log(
  `synthetic run: ${questions} questions × ${models} models, ${data.answers.length} answers, ${points} key points, ${mb(text)} of key point text (built in ${(buildMs / 1000).toFixed(1)} s)`,
);
console.log(`render:        ${(renderMs / 1000).toFixed(1)} s, peak RSS ${mb(peak)}`);
console.log(
  `file size:     ${mb(bytes)} (goal < 15 MB); packed answers ${mb(report.detailBytes)} at level "${report.detailLevel}", key point text for ${report.questionsWithText} of ${questions} questions`,
);

if (existsSync(CHROMIUM_PATH)) {
  const profile = mkdtempSync(join(tmpdir(), 'adaem-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await context.newPage();
    const opened = performance.now();
    await page.goto(pathToFileURL(path).href, { waitUntil: 'load', timeout: 300_000 });
    const loadMs = performance.now() - opened;
    await page.waitForSelector('#explorer-app[data-state="ready"]', { timeout: 300_000 });
    const readyMs = performance.now() - opened;
    const paint = (await page.evaluate(
      "performance.getEntriesByType('paint').map((entry) => [entry.name, entry.startTime])",
    )) as [string, number][];
    const firstPaint = paint.find(([name]) => name === 'first-contentful-paint') ?? paint[0];
    console.log(
      `chromium:      first contentful paint ${firstPaint ? `${(firstPaint[1] / 1000).toFixed(2)} s` : 'n/a'}, load ${(loadMs / 1000).toFixed(2)} s, explorer ready ${(readyMs / 1000).toFixed(2)} s`,
    );
    const extents: string[] = [];
    for (const width of [390, 768, 1400]) {
      await page.setViewportSize({ width, height: 900 });
      const extent = (await page.evaluate(
        '[document.scrollingElement.scrollWidth, document.scrollingElement.scrollHeight]',
      )) as [number, number];
      extents.push(`${width} px: ${extent[1].toLocaleString('en-US')} px tall, ${extent[0]} px wide`);
    }
    console.log(`page extent:   ${extents.join('; ')}`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
} else console.log(`chromium:      not measured (no ${CHROMIUM_PATH}; apt-get install chromium)`);
rmSync(dir, { recursive: true, force: true });
