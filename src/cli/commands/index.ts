import type { Command } from 'commander';
import type { CliRuntime } from '../runtime.js';
import { registerAnalyze } from './analyze.js';
import { registerCache } from './cache.js';
import { registerCompare } from './compare.js';
import { registerEvaluate } from './evaluate.js';
import { registerExport } from './export.js';
import { registerGenerate } from './generate.js';
import { registerInit } from './init.js';
import { registerModels } from './models.js';
import { registerQuestions } from './questions.js';
import { registerReport } from './report.js';
import { registerResults } from './results.js';
import { registerRun } from './run.js';
import { registerSandbox } from './sandbox.js';
import { registerSchema } from './schema.js';
import { registerSeeds } from './seeds.js';
import { registerValidate } from './validate.js';

/** Adds one sub-command (with its options and action) to the program. */
export type CommandRegistrar = (program: Command, runtime: CliRuntime) => void;

/** Every sub-command, in `--help` order. */
export const COMMANDS: CommandRegistrar[] = [
  registerRun,
  registerGenerate,
  registerEvaluate,
  registerQuestions,
  registerResults,
  registerAnalyze,
  registerCompare,
  registerValidate,
  registerReport,
  registerExport,
  registerSandbox,
  registerModels,
  registerInit,
  registerSchema,
  registerCache,
  registerSeeds,
];
