import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReportResults } from '../src/report/report-data.js';
import { describeWithChromium, launchChromium } from './helpers/chromium.js';
import { startOpenAIServer } from './helpers/openai-server.js';
import { runCli } from './helpers/run-cli.js';

/** Every payload sets `window.xssHit` if it ever runs. */
const PAYLOADS = {
  script: '<script>window.xssHit=1</script>',
  image: '<img src=x onerror="window.xssHit=2">',
  link: '<a href="javascript:window.xssHit=3">click</a>',
  markdownLink: '[docs](javascript:window.xssHit=3)',
  closers: '</style></script><script>window.xssHit=4</script>',
};

const QUESTIONS = [
  {
    id: 'plain-1',
    text: 'Should cities ban private cars from their centres by 2030?',
    category: 'Environment',
  },
  {
    id: 'xss-text',
    text: `Should schools teach ${PAYLOADS.script} and ${PAYLOADS.image}?`,
    category: 'Education',
  },
  { id: 'xss-category', text: 'Should museums return looted art quickly?', category: PAYLOADS.closers },
  {
    id: '"><svg onload=window.xssHit=5>',
    text: `Should we REFUSE to say ${PAYLOADS.link}?`,
    category: 'Politics',
  },
  { id: 'garbled', text: 'Should the GARBLE test be answered?', category: 'Politics' },
];

/** The scripted examinee: opinions whose key points carry the payloads; a refusal and a broken answer. */
function examineeReply(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages) ? (body.messages as { content: string }[]) : [];
  const prompt = messages.map((message) => message.content).join('\n');
  if (prompt.includes('REFUSE')) return `I'm sorry, I cannot take a position on ${PAYLOADS.script}.`;
  if (prompt.includes('GARBLE')) return `${PAYLOADS.image} }}{{ ${PAYLOADS.closers}`;
  return [
    'Stance: yes',
    `1. ${PAYLOADS.script} matters: because ${PAYLOADS.image} keeps people safe and free`,
    `2. See ${PAYLOADS.markdownLink} first: it ends ${PAYLOADS.closers} with tradition and security`,
    '3. Caring for others: helping the community and the family comes first',
  ].join('\n');
}

async function openReport(page: Page, path: string) {
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => requests.push(request.url()));
  const url = pathToFileURL(path).href;
  await page.goto(url);
  await page.waitForSelector('#explorer-app[data-state="ready"]', { timeout: 30_000 });
  return { problems, requests: requests.filter((request) => request !== url) };
}

/** Waits until the explorer shows `count` matching questions. */
async function waitForMatches(page: Page, count: number): Promise<void> {
  await page.waitForSelector(`#explorer-app[data-matches="${count}"]`, { timeout: 10_000 });
}

describeWithChromium('the HTML report in headless Chromium', () => {
  let dir = '';
  let runId = '';
  let results: ReportResults;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    const server = await startOpenAIServer((_, body) => ({ kind: 'reply', text: examineeReply(body) }));
    try {
      dir = mkdtempSync(join(tmpdir(), 'adaem-report-'));
      writeFileSync(
        join(dir, 'q.jsonl'),
        QUESTIONS.map((question) => `${JSON.stringify(question)}\n`).join(''),
      );
      writeFileSync(
        join(dir, 'adaem.yaml'),
        [
          'providers:',
          `  scripted: { type: openai, baseURL: "${server.url}", apiKey: test }`,
          'models:',
          `  - { id: scripted:m, roles: [examinee], label: ${JSON.stringify(`scripted ${PAYLOADS.script}`)} }`,
          `  - { id: sandbox:atlas, roles: [examinee], label: ${JSON.stringify(`atlas ${PAYLOADS.image}`)} }`,
          '  - { id: sandbox:basalt, roles: [examinee] }',
          '  - { id: sandbox:judge, roles: [judge] }',
          'evaluate: { questions: q.jsonl }',
        ].join('\n'),
      );
      const evaluation = await runCli(['evaluate', '--json'], { cwd: dir });
      expect(evaluation.stderr).not.toMatch(/Error/);
      results = JSON.parse(evaluation.stdout);
      runId = results.runId;
    } finally {
      await server.close();
    }
    const report = await runCli(['report', runId, '--out', 'out/report.html'], { cwd: dir });
    expect(report.code).toBe(0);
    expect(report.stdout.trim()).toBe(join(dir, 'out', 'report.html'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens with no console errors and no network requests, and shows the radar and the heatmap', async () => {
    const page = await browser.context.newPage();
    const { problems, requests } = await openReport(page, join(dir, 'out', 'report.html'));
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('[data-chart="radar-overlay"] svg path').count()).toBeGreaterThan(3);
    expect(await page.locator('[data-chart="radar-models"] figure').count()).toBe(3);
    expect(await page.locator('[data-chart="heatmap"] svg path').count()).toBeGreaterThanOrEqual(30);
    expect(await page.locator('#overview .simulated').textContent()).toContain('sandbox');
    await page.close();
  });

  it('renders every payload in questions, answers, labels and categories as text, and runs none', async () => {
    const page = await browser.context.newPage();
    const { problems } = await openReport(page, join(dir, 'out', 'report.html'));
    await page.locator('#explorer-app [data-role="search"]').fill('schools teach');
    await waitForMatches(page, 1);
    const text = (await page.locator('body').textContent()) ?? '';
    for (const payload of [PAYLOADS.script, PAYLOADS.image, PAYLOADS.closers])
      expect(text).toContain(payload);
    expect(text).toContain('javascript:window.xssHit=3');
    expect(await page.evaluate('typeof window.xssHit')).toBe('undefined');
    expect(await page.locator('img, iframe, object, embed, a[href^="javascript"]').count()).toBe(0);
    // The explorer, echarts' SSR client and the chart script; every other script element is inert data.
    expect(await page.locator('script:not([type])').count()).toBe(3);
    const dataTypes = await page
      .locator('script[type]')
      .evaluateAll((nodes) => [...new Set(nodes.map((node) => node.getAttribute('type')))].sort());
    expect(dataTypes).toEqual(['application/json', 'application/octet-stream']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters the explorer by search text, category and refusals', async () => {
    const page = await browser.context.newPage();
    await openReport(page, join(dir, 'out', 'report.html'));
    const app = page.locator('#explorer-app');
    const matches = async () => Number(await app.getAttribute('data-matches'));
    expect(await matches()).toBe(QUESTIONS.length);
    await app.locator('[data-role="search"]').fill('looted');
    await waitForMatches(page, 1);
    expect(await app.locator('article.question h3').textContent()).toBe(QUESTIONS[2]!.text);
    await app.locator('[data-role="search"]').fill('');
    await waitForMatches(page, 5);
    await app.locator('[data-role="category"]').selectOption({ label: 'Politics' });
    await waitForMatches(page, 2);
    await app.locator('[data-role="category"]').selectOption({ index: 0 });
    await app.locator('[data-role="problem"]').selectOption('refusal');
    await waitForMatches(page, 1);
    expect(await app.locator('article.question').getAttribute('data-question-id')).toBe(QUESTIONS[3]!.id);
    await page.close();
  });

  it('shows a tooltip with the model, value and number on hovering a heatmap cell or a radar point, as text', async () => {
    const page = await browser.context.newPage();
    const { problems, requests } = await openReport(page, join(dir, 'out', 'report.html'));
    const tooltip = page.locator('#chart-tooltip');
    await expect.poll(() => tooltip.isHidden()).toBe(true);
    const valueName = (index: number) => results.theory.values[index]!.name;
    const score = (model: number, value: number) => results.models[model]!.values[value]!.score!;

    // Heatmap: row 0 is the model whose label carries a <script> payload; data index = row × values + column.
    const columns = results.theory.values.length;
    await page.locator(`[data-chart="heatmap"] svg [ecmeta_data_index="${columns + 2}"]`).hover();
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.locator('strong').textContent()).toBe(results.models[1]!.label);
    expect(await tooltip.locator('span').textContent()).toMatch(
      new RegExp(`^${valueName(2)}: ${score(1, 2).toFixed(0)}( ±[0-9.]+)?$`),
    );
    await page.locator(`[data-chart="heatmap"] svg [ecmeta_data_index="0"]`).hover();
    await expect.poll(() => tooltip.locator('strong').textContent()).toBe(`scripted ${PAYLOADS.script}`);
    expect(await tooltip.locator('span').textContent()).toContain(
      `${valueName(0)}: ${score(0, 0).toFixed(0)}`,
    );
    expect(await tooltip.evaluate((node) => node.querySelectorAll('*').length)).toBe(2);
    await page.mouse.move(1, 1);
    await expect.poll(() => tooltip.isHidden()).toBe(true);

    // Radar of one model (label with an <img onerror> payload): the n-th point sits on the n-th value's axis.
    const single = page
      .locator('[data-chart="radar-models"] figure')
      .nth(1)
      .locator('svg path[ecmeta_data_index="0"]');
    for (const axis of [0, 3, 7]) {
      await single.nth(axis).hover();
      await expect
        .poll(() => tooltip.locator('span').textContent())
        .toBe(`${valueName(axis)}: ${score(1, axis).toFixed(1)}`);
      expect(await tooltip.locator('strong').textContent()).toBe(results.models[1]!.label);
    }
    expect(await page.evaluate('typeof window.xssHit')).toBe('undefined');
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('hides and shows a model on the overlaid radars by clicking its legend entry', async () => {
    const page = await browser.context.newPage();
    const { problems } = await openReport(page, join(dir, 'out', 'report.html'));
    const overlay = page.locator('[data-chart="radar-overlay"]');
    const line = (index: number) => overlay.locator(`svg polyline[ecmeta_data_index="${index}"]`);
    const entry = overlay.locator('[data-legend-for="radar-overlay"] [data-series="1"]');
    expect(await line(1).isVisible()).toBe(true);
    expect(await entry.getAttribute('role')).toBe('button');
    expect(await page.locator('#radar [data-role="chart-hint"]').isVisible()).toBe(true);
    await entry.click();
    expect(await entry.getAttribute('aria-pressed')).toBe('false');
    expect(await line(1).isHidden()).toBe(true);
    expect(await overlay.locator('svg path[ecmeta_data_index="1"]').first().isHidden()).toBe(true);
    expect(await line(0).isVisible()).toBe(true);
    expect(await line(2).isVisible()).toBe(true);
    await entry.press('Enter');
    expect(await entry.getAttribute('aria-pressed')).toBe('true');
    expect(await line(1).isVisible()).toBe(true);

    // The category radars show one model at a time, the one picked above them.
    const categories = page.locator('[data-chart="radar-categories"]');
    const shownModels = () =>
      categories
        .locator('svg polyline')
        .evaluateAll((nodes) => [
          ...new Set(
            nodes
              .filter((node) => node.checkVisibility())
              .map((node) => node.getAttribute('ecmeta_data_index')),
          ),
        ]);
    expect(await shownModels()).toEqual(['0']);
    await page.locator('[data-role="category-picker"] input[value="2"]').check();
    expect(await shownModels()).toEqual(['2']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the static charts and plain legends when JavaScript is off', async () => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(pathToFileURL(join(dir, 'out', 'report.html')).href);
    expect(await page.locator('#explorer-app').getAttribute('data-state')).toBe('loading');
    expect(await page.locator('.ec-chart svg').count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('[data-chart="radar-overlay"] svg polyline').count()).toBe(3);
    expect(await page.locator('[data-legend-for] [role="button"]').count()).toBe(0);
    expect(await page.locator('#chart-tooltip').count()).toBe(0);
    expect(await page.locator('[data-role="chart-hint"]').first().isHidden()).toBe(true);
    await page.close();
  });
});
