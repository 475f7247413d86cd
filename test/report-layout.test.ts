import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithChromium, launchChromium } from './helpers/chromium.js';
import { runCli } from './helpers/run-cli.js';

/** A phone, a tablet, a desktop. */
const WIDTHS = [390, 768, 1400] as const;

/** Most pixels the sandbox report may be tall on a desktop (the run's 100 questions, 10 models). */
const MAX_DESKTOP_HEIGHT = 15_000;

async function openAt(page: Page, path: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(pathToFileURL(path).href);
  await page.waitForSelector('#explorer-app[data-state="ready"]', { timeout: 30_000 });
}

/** Every shown chart whose SVG leaves its figure, or whose figure leaves the viewport (a description each). */
function clippedCharts(page: Page): Promise<string[]> {
  return page.locator('figure.chart, figure.ec-chart').evaluateAll((figures) => {
    const found: string[] = [];
    const inside = (inner: { left: number; right: number }, outer: { left: number; right: number }) =>
      inner.left >= outer.left - 1 && inner.right <= outer.right + 1;
    for (const figure of figures) {
      if (!figure.checkVisibility()) continue;
      const box = figure.getBoundingClientRect();
      const viewport = { left: 0, right: figure.ownerDocument.documentElement.clientWidth };
      const where = `${figure.closest('section')?.id} ${figure.getAttribute('data-chart') ?? ''}`;
      if (!inside(box, viewport)) found.push(`${where}: figure ${box.left}–${box.right}`);
      for (const svg of figure.querySelectorAll('svg')) {
        if (!svg.checkVisibility()) continue;
        const rect = svg.getBoundingClientRect();
        if (!inside(rect, box))
          found.push(`${where}: svg ${rect.left}–${rect.right} in ${box.left}–${box.right}`);
      }
    }
    return found;
  });
}

/** Every shown model name whose text runs over more than one line. */
function brokenModelNames(page: Page): Promise<string[]> {
  return page.locator('.model-name').evaluateAll((names) => {
    const found: string[] = [];
    for (const name of names) {
      if (!name.checkVisibility()) continue;
      const range = name.ownerDocument.createRange();
      range.selectNodeContents(name);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (lines.size > 1) found.push(`${name.textContent} (${lines.size} lines)`);
    }
    return found;
  });
}

/** How wide and tall the page's content is, and how wide its viewport (without a scrollbar). */
function pageExtent(page: Page): Promise<{ width: number; height: number; viewport: number }> {
  return page.locator('html').evaluate((root) => {
    const scrolling = root.ownerDocument.scrollingElement ?? root;
    return { width: scrolling.scrollWidth, height: scrolling.scrollHeight, viewport: root.clientWidth };
  });
}

describeWithChromium('the sandbox report on a phone, a tablet and a desktop', () => {
  let dir = '';
  let report = '';
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'adaem-layout-'));
    report = join(dir, 'report.html');
    const run = await runCli(['run', '--out', report], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(WIDTHS)(
    'at %i px: no sideways page scroll, no clipped chart, no model name broken over lines',
    async (width) => {
      const page = await browser.context.newPage();
      await openAt(page, report, width);
      const extent = await pageExtent(page);
      expect(extent.width).toBeLessThanOrEqual(extent.viewport);
      expect(await page.locator('figure.ec-chart svg:visible').count()).toBeGreaterThan(15);
      expect(await clippedCharts(page)).toEqual([]);
      // Open one question of each list: its answers' model names stay whole too.
      await page.locator('#splits article.question summary').first().click();
      await page.locator('#explorer article.question summary').first().click();
      expect(await page.locator('.model-name:visible').count()).toBeGreaterThan(50);
      expect(await brokenModelNames(page)).toEqual([]);
      await page.close();
    },
  );

  it.each(WIDTHS)(
    'at %i px: key points get a readable width and every question starts collapsed',
    async (width) => {
      const page = await browser.context.newPage();
      await openAt(page, report, width);
      expect(await page.locator('article.question details[open]').count()).toBe(0);
      expect(await page.locator('article.question').count()).toBeGreaterThanOrEqual(10 + 50);
      const first = page.locator('#splits article.question').first();
      await first.locator('summary').click();
      const widths = await first
        .locator('table.answers tbody td:nth-child(4)')
        .evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().width));
      expect(widths.length).toBe(10);
      expect(Math.min(...widths)).toBeGreaterThanOrEqual(Math.min(300, width * 0.75));
      await page.close();
    },
  );

  it.each(WIDTHS)(
    'at %i px: the rates table scrolls in its own box with its value column pinned',
    async (width) => {
      const page = await browser.context.newPage();
      await openAt(page, report, width);
      const box = page.locator('#rates .scroll');
      const table = box.locator('table.rates');
      expect(await table.locator('tbody tr').count()).toBe(10);
      await box.evaluate((node) => {
        node.scrollLeft = node.scrollWidth;
      });
      const [boxLeft, pinnedLeft, headLeft] = await Promise.all([
        box.evaluate((node) => node.getBoundingClientRect().left),
        table
          .locator('tbody tr:first-child td:first-child')
          .evaluate((node) => node.getBoundingClientRect().left),
        table.locator('thead th:first-child').evaluate((node) => node.getBoundingClientRect().left),
      ]);
      expect(Math.abs(pinnedLeft - boxLeft)).toBeLessThanOrEqual(1);
      expect(Math.abs(headLeft - boxLeft)).toBeLessThanOrEqual(1);
      await page.close();
    },
  );

  it('at 1,400 px: the page is under 15,000 px tall, and the heatmap shows all ten models', async () => {
    const page = await browser.context.newPage();
    await openAt(page, report, 1400);
    expect((await pageExtent(page)).height).toBeLessThan(MAX_DESKTOP_HEIGHT);
    expect(await page.locator('[data-chart="heatmap"]').isVisible()).toBe(true);
    expect(await page.locator('[data-chart="heatmap-narrow"]').isHidden()).toBe(true);
    await page.close();
  });

  it('prints every collapsed question with its answers', async () => {
    const page = await browser.context.newPage();
    await openAt(page, report, 768);
    const answers = page.locator('#splits article.question table.answers').first();
    expect(await answers.isHidden()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await answers.isVisible()).toBe(true);
    await page.close();
  });

  it('at 390 px: the heatmap turns a column per model, and the category radars show the picked model only', async () => {
    const page = await browser.context.newPage();
    await openAt(page, report, 390);
    expect(await page.locator('[data-chart="heatmap"]').isHidden()).toBe(true);
    expect(await page.locator('[data-chart="heatmap-narrow"]').isVisible()).toBe(true);
    const categories = page.locator('[data-chart="radar-categories"] figure');
    const figures = await categories.count();
    expect(figures).toBeGreaterThan(1);
    const shown = () =>
      categories
        .locator('svg polyline')
        .evaluateAll((lines) =>
          lines
            .filter((line) => line.checkVisibility())
            .map((line) => line.getAttribute('ecmeta_data_index')),
        );
    expect(await shown()).toEqual(Array(figures).fill('0'));
    await page.locator('[data-role="category-picker"] label').nth(3).click();
    expect(await shown()).toEqual(Array(figures).fill('3'));
    await page.close();
  });
});
