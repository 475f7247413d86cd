import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { describe, it } from 'vitest';

/** Debian's Chromium (`apt-get install chromium`); never a browser downloaded by Playwright. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, offline headless Chromium (see the stack notes). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `describe` for tests that need Chromium. Without it they skip with a message, unless
 * `ADAEM_REQUIRE_CHROMIUM=1` (set by `.ci/run`), where its absence is a failing test.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, body);
    return;
  }
  if (process.env.ADAEM_REQUIRE_CHROMIUM === '1') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${CHROMIUM_PATH} is missing and ADAEM_REQUIRE_CHROMIUM=1: apt-get install chromium`);
      });
    });
    return;
  }
  console.warn(`skipping "${name}": no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
  describe.skip(name, body);
}

/** Starts headless Chromium with a fresh user-data-dir, removed by `close()`. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'adaem-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
