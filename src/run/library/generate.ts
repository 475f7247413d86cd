import type { z } from 'zod';
import { resolveTheory } from '../../config/load-config.js';
import { AdaemConfigSchema } from '../../core/config.js';
import type { Question } from '../../core/question.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { loadSeeds } from '../../stages/seeds/load-seeds.js';
import type { Store } from '../../store/index.js';
import { type GenerateProgress, type GenerateSummary, runGeneration } from '../generate/generate.js';
import { withLibraryRun } from './library-run.js';

/** Options of the library's `generate`; the panels (P1 `generator`, P2 `scorer`, `judge`) come from `config.models`. */
export interface GenerateOptions {
  /** Config (as in adaem.yaml): models with their roles, providers, prices, `generate` settings. */
  config?: z.input<typeof AdaemConfigSchema>;
  /** Seed questions, or a seed spec (`builtin`, `builtin:mft`, a file path). @default config.generate.seeds */
  seeds?: Question[] | string;
  /** Pulls of the search. @default config.generate.budget */
  budget?: number;
  /** A store path or an open store. @default config.store */
  store?: string | Store;
  /** Value theory. @default the config's theory */
  theory?: ValueTheory;
  maxCost?: number;
  allowUnpriced?: boolean;
  runId?: string;
  resume?: boolean;
  /** Where API keys are looked up. @default process.env */
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  onProgress?: (progress: GenerateProgress) => void;
}

/** Runs the AdAEM question search (the CLI's `generate` as a function); read the bank with `readGeneration`. */
export async function generate(options: GenerateOptions = {}): Promise<GenerateSummary> {
  const config = AdaemConfigSchema.parse(options.config ?? {});
  const theory = options.theory ?? resolveTheory(config.theory, process.cwd(), 'config');
  const seeds =
    options.resume || Array.isArray(options.seeds)
      ? (options.seeds as Question[] | undefined)
      : await loadSeeds(options.seeds ?? config.generate.seeds, { theory, seed: config.seed });
  return withLibraryRun({ ...options, config, theory, kind: 'generate' }, ({ store, engine, runId }) =>
    runGeneration({
      config,
      theory,
      engine,
      store,
      ...(seeds ? { seeds } : {}),
      seedSource: typeof options.seeds === 'string' ? options.seeds : 'library',
      budget: options.budget,
      maxCost: options.maxCost,
      allowUnpriced: options.allowUnpriced,
      runId,
      resume: options.resume,
      signal: options.signal,
      onProgress: options.onProgress,
    }),
  );
}
