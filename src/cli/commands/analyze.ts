import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { LoadedConfig } from '../../config/load-config.js';
import type { Question } from '../../core/question.js';
import { createEngine } from '../../providers/engine.js';
import { analyzeAgreement } from '../../run/analyses/agreement.js';
import { storeAnalysis } from '../../run/analyses/analysis-manifest.js';
import { analyzeInformativeness } from '../../run/analyses/informativeness.js';
import { loadEvaluation } from '../../run/analyses/load-evaluation.js';
import { analyzeQuestions } from '../../run/analyses/question-quality.js';
import { questionSetOf } from '../../run/analyses/question-set-of.js';
import { analyzeReliability } from '../../run/analyses/reliability.js';
import { similarityBackendOf } from '../../run/similarity-of.js';
import { loadQuestions } from '../../stages/questions/load-questions.js';
import { integerFlag, refuseSameRun, sizesFlag, withAnalysisStore } from '../analyze-options.js';
import { numberFlag, sharedOption, whole, withExamples } from '../options.js';
import {
  renderAgreement,
  renderInformativeness,
  renderQuestions,
  renderReliability,
} from '../render/analyses.js';
import { type CliRuntime, printJson } from '../runtime.js';

/** Prints an analysis as JSON (with its stored id) or as a table, and says where it was stored. */
export function printAnalysis<T extends object>(
  stored: { id: string },
  result: T,
  options: { json?: boolean },
  render: (result: T) => string,
): void {
  if (options.json) printJson({ analysisId: stored.id, ...result });
  else process.stdout.write(`${render(result)}\n`);
  process.stderr.write(`Stored as analysis ${stored.id}.\n`);
}

/** `adaem analyze reliability | agreement | informativeness | questions`: analyses of stored evaluation runs. */
export function registerAnalyze(program: Command, runtime: CliRuntime): void {
  const analyze = program
    .command('analyze')
    .description('reliability, agreement, informativeness and question-set quality of stored runs');
  withExamples(analyze, 'adaem analyze reliability run-20260101-120000-ab12 --folds 5');
  registerReliability(analyze, runtime);
  registerAgreement(analyze, runtime);
  registerInformativeness(analyze, runtime);
  registerQuestionQuality(analyze, runtime);
}

/** `adaem analyze reliability <runId>`: its options and action. */
function registerReliability(analyze: Command, runtime: CliRuntime): void {
  const reliability = analyze
    .command('reliability')
    .argument('<runId>', 'an evaluation run')
    .description("Cronbach's α and CV across random question folds; subset-consistency curve")
    .option('--folds <k>', 'number of random question folds', '5')
    .addOption(sharedOption.seed('seed of the fold split (default: the run seed)'))
    .option(
      '--sizes <list>',
      'subset sizes for the consistency curve (those below the question count)',
      '200,500,1000',
    )
    .option('--draws <n>', 'random subsets per size', '3')
    .addOption(sharedOption.json())
    .action((runId: string, flags: Record<string, string | undefined>, command: Command) =>
      analyzeReliabilityAction(runtime, runId, flags, command),
    );
  withExamples(reliability, 'adaem analyze reliability run-20260101-120000-ab12 --folds 5 --seed 7 --json');
}

/** Runs `analyze reliability`: checks the flags, analyses the run, stores and prints the result. */
function analyzeReliabilityAction(
  runtime: CliRuntime,
  runId: string,
  flags: Record<string, string | undefined>,
  command: Command,
): void {
  const folds = integerFlag('--folds', flags.folds, 5, 2);
  const sizes = sizesFlag(flags.sizes, [200, 500, 1000]);
  const draws = integerFlag('--draws', flags.draws, 3, 1);
  withAnalysisStore(runtime, command, (store) => {
    const run = loadEvaluation(store, runId);
    const seed = integerFlag('--seed', flags.seed, run.manifest.seed, 0);
    const parameters = { folds, seed, sizes, draws };
    const result = analyzeReliability(run, parameters);
    const stored = storeAnalysis({ store, kind: 'reliability', runs: [run], parameters, result });
    printAnalysis(stored, result, flags, renderReliability);
  });
}

/** `adaem analyze agreement <runA> <runB>`: its options and action. */
function registerAgreement(analyze: Command, runtime: CliRuntime): void {
  const agreement = analyze
    .command('agreement')
    .argument('<runA>', 'an evaluation run')
    .argument('<runB>', 'another evaluation run with some of the same models')
    .description('ICC (Shrout–Fleiss forms), Pearson and Spearman between two runs, with CIs')
    .addOption(sharedOption.json())
    .action((runA: string, runB: string, flags: { json?: boolean }, command: Command) => {
      withAnalysisStore(runtime, command, (store) => {
        const runs = [loadEvaluation(store, runA), loadEvaluation(store, runB)] as const;
        refuseSameRun('analyze agreement', runs);
        const result = analyzeAgreement(runs[0], runs[1]);
        const stored = storeAnalysis({ store, kind: 'agreement', runs, parameters: {}, result });
        printAnalysis(stored, result, flags, renderAgreement);
      });
    });
  withExamples(agreement, 'adaem analyze agreement eval-monday eval-tuesday   # the same models, two runs');
}

/** `adaem analyze informativeness <runId>`: its options and action. */
function registerInformativeness(analyze: Command, runtime: CliRuntime): void {
  const informativeness = analyze
    .command('informativeness')
    .argument('<runId>', 'an evaluation run')
    .description(
      'mean Pearson between model profiles (lower), mean std across values (higher), group structure',
    )
    .addOption(sharedOption.json())
    .action((runId: string, flags: { json?: boolean }, command: Command) => {
      withAnalysisStore(runtime, command, (store) => {
        const run = loadEvaluation(store, runId);
        const result = analyzeInformativeness(run);
        const stored = storeAnalysis({ store, kind: 'informativeness', runs: [run], parameters: {}, result });
        printAnalysis(stored, result, flags, (value) => renderInformativeness([value]));
      });
    });
  withExamples(informativeness, 'adaem analyze informativeness run-20260101-120000-ab12');
}

/** `adaem analyze questions <runId>`: its options and action. */
function registerQuestionQuality(analyze: Command, runtime: CliRuntime): void {
  const questions = analyze
    .command('questions')
    .argument('<runId>', 'an evaluation run, or a generation run (its accepted bank)')
    .description(
      'count, average length, Self-BLEU and Dist-n of its questions (vs another set at equal size)',
    )
    .option('--against <file>', 'another question set (.jsonl, .csv or .txt)')
    .option('--top <n>', 'of a generation run: only the n best questions by S under P2')
    .addOption(sharedOption.seed('seed of the equal-size subsets (default: the run seed)'))
    .addOption(sharedOption.json())
    .action((runId: string, flags: Record<string, string | undefined>, command: Command) =>
      analyzeQuestionsAction(runtime, runId, flags, command),
    );
  withExamples(
    questions,
    'adaem analyze questions gen-20260101-120000-ab12 --against valuebench.csv',
    'adaem analyze questions run-20260101-120000-ab12 --json',
  );
}

/** Runs `analyze questions`: loads the `--against` set, analyses the run's questions, stores and prints the result. */
async function analyzeQuestionsAction(
  runtime: CliRuntime,
  runId: string,
  flags: Record<string, string | undefined>,
  command: Command,
): Promise<void> {
  const loaded = runtime.loadConfig(command);
  const against = await loadAgainst(runtime, loaded, flags.against);
  await withAnalysisStore(runtime, command, async (store) => {
    const run = questionSetOf(store, runId, numberFlag('--top', flags.top, whole(1)));
    const seed = integerFlag('--seed', flags.seed, run.seed, 0);
    const engine = createEngine({
      config: loaded.config,
      theory: loaded.theory,
      configDir: loaded.dir,
      cache: store.cache,
      recorder: store.calls,
      signal: runtime.signal,
    });
    const similarity = similarityBackendOf(loaded.config, engine);
    const result = await analyzeQuestions(run, {
      against,
      seed,
      similarity,
      signal: runtime.signal,
    }).finally(() => engine.close());
    const parameters = { against: flags.against ?? null, seed, similarity: similarity.id };
    const stored = storeAnalysis({ store, kind: 'questions', runs: [run], parameters, result });
    printAnalysis(stored, result, flags, renderQuestions);
  });
}

/** The question set named by `--against`, read with the config's questionnaires and input limits (none without the flag). */
async function loadAgainst(
  runtime: CliRuntime,
  loaded: LoadedConfig,
  path: string | undefined,
): Promise<{ source: string; questions: Question[] } | undefined> {
  if (!path) return undefined;
  const questions = await loadQuestions({
    path: resolve(path),
    questionnaires: loaded.config.evaluate.questionnaires,
    limits: loaded.config.input,
    signal: runtime.signal,
  });
  return { source: path, questions };
}
