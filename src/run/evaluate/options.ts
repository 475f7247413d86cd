import type { AdaemConfig } from '../../core/config.js';
import type { JudgeMode, Question } from '../../core/question.js';
import type { ValueTheory } from '../../core/value-theory.js';
import type { Engine } from '../../providers/engine.js';
import type { RecordedAnswer } from '../../stages/questions/read-recorded.js';
import type { Store } from '../../store/index.js';

/** Live counters of an evaluation, reported to the progress display. */
export interface EvaluateProgress {
  runId: string;
  itemsDone: number;
  itemsTotal: number;
  opinionErrors: number;
  judgeErrors: number;
}

/** Settings of one evaluation; what is not given comes from `config.evaluate`. */
export interface EvaluateRunOptions {
  config: AdaemConfig;
  theory: ValueTheory;
  engine: Engine;
  store: Store;
  /** Omitted when resuming: the stored run's questions are used. */
  questions?: Question[];
  questionSource?: string;
  examinees?: string[];
  judge?: string;
  judgeMode?: JudgeMode;
  samples?: number;
  maxErrorRate?: number;
  maxCost?: number;
  /** Let `maxCost` pass models without a known price (they count as free). @default false */
  allowUnpriced?: boolean;
  runId?: string;
  /** Continue the run `runId` with its stored manifest and questions. */
  resume?: boolean;
  /** Items (question × examinee × sample) worked on at once. @default 64 */
  concurrency?: number;
  signal?: AbortSignal;
  onStart?: (runId: string) => void;
  onProgress?: (progress: EvaluateProgress) => void;
  /** Called when every call is done and the stored records are being aggregated. */
  onAggregate?: (runId: string) => void;
  /** Answers recorded elsewhere (`--responses`): stored as the examinees' answers before any call. */
  recorded?: { file: string; hash: string; answers: readonly RecordedAnswer[] };
}
