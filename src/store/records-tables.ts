import type Database from 'better-sqlite3';
import { StoreError } from '../core/errors.js';
import type { TokenUsage } from '../core/provider.js';
import {
  type JudgementOutcome,
  JudgementOutcomeSchema,
  type OpinionOutcome,
  OpinionOutcomeSchema,
  type Question,
  QuestionSchema,
} from '../core/question.js';
import { pagedRows } from './paged-rows.js';
import type { WriteBuffer } from './write-buffer.js';

function parseJson<T>(
  text: string,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  what: string,
): T {
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new StoreError(`stored ${what} does not match its schema`, { code: 'corrupt-row' });
  return parsed.data;
}

/** The questions of a run, in the order given. */
export class QuestionsTable {
  constructor(private readonly db: Database.Database) {}

  putMany(runId: string, questions: readonly Question[]): void {
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO questions (run_id, position, question) VALUES (?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const [position, question] of questions.entries())
        insert.run(runId, position, JSON.stringify(question));
    })();
  }

  list(runId: string): Question[] {
    return (
      this.db
        .prepare<[string], { question: string }>(
          'SELECT question FROM questions WHERE run_id = ? ORDER BY position',
        )
        .all(runId)
        // Loose: fields a question carries beyond the known ones (lineage, provenance…) survive to exports.
        .map((row) => parseJson(row.question, QuestionSchema.loose(), 'question'))
    );
  }
}

/** One examinee answer to one question (one sample). */
export interface ResponseRecord {
  runId: string;
  questionId: string;
  modelId: string;
  sample: number;
  outcome: OpinionOutcome;
  raw: string | null;
  usage?: TokenUsage;
}

interface ResponseRow {
  run_id: string;
  question_id: string;
  model_id: string;
  sample: number;
  outcome: string;
  raw: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
}

function toResponseRecord(row: ResponseRow): ResponseRecord {
  return {
    runId: row.run_id,
    questionId: row.question_id,
    modelId: row.model_id,
    sample: row.sample,
    outcome: parseJson(row.outcome, OpinionOutcomeSchema, 'response'),
    raw: row.raw,
    ...(row.input_tokens === null
      ? {}
      : { usage: { inputTokens: row.input_tokens, outputTokens: row.output_tokens ?? 0 } }),
  };
}

/** Examinee answers, upserted by (run, question, model, sample). */
export class ResponsesTable {
  private readonly upsert: Database.Statement<unknown[]>;

  constructor(
    private readonly db: Database.Database,
    private readonly buffer: WriteBuffer,
  ) {
    this.upsert = db.prepare('INSERT OR REPLACE INTO responses VALUES (?,?,?,?,?,?,?,?)');
  }

  put(record: ResponseRecord): void {
    const outcome = JSON.stringify(record.outcome);
    this.buffer.add(() =>
      this.upsert.run(
        record.runId,
        record.questionId,
        record.modelId,
        record.sample,
        outcome,
        record.raw,
        record.usage?.inputTokens ?? null,
        record.usage?.outputTokens ?? null,
      ),
    );
  }

  list(runId: string): ResponseRecord[] {
    this.buffer.flush();
    return this.db
      .prepare<[string], ResponseRow>('SELECT * FROM responses WHERE run_id = ?')
      .all(runId)
      .map(toResponseRecord);
  }

  /** The run's responses in pages of `size` (a thousand), without their raw text (`raw` is null). */
  *pages(runId: string, size?: number): Generator<ResponseRecord[], void, undefined> {
    this.buffer.flush();
    const pages = pagedRows<ResponseRow>(this.db, {
      table: 'responses',
      columns: 'run_id, question_id, model_id, sample, outcome, NULL AS raw, input_tokens, output_tokens',
      keys: ['question_id', 'model_id', 'sample'],
      runId,
      size,
    });
    for (const page of pages) yield page.map(toResponseRecord);
  }
}

/** The judge's reading of one key point of one response. */
export interface JudgementRecord {
  runId: string;
  questionId: string;
  modelId: string;
  sample: number;
  pointIndex: number;
  judgeModelId: string;
  mode: string;
  outcome: JudgementOutcome;
  raw?: string;
}

interface JudgementRow {
  run_id: string;
  question_id: string;
  model_id: string;
  sample: number;
  point_index: number;
  judge_model_id: string;
  mode: string;
  outcome: string;
  raw: string | null;
}

function toJudgementRecord(row: JudgementRow): JudgementRecord {
  return {
    runId: row.run_id,
    questionId: row.question_id,
    modelId: row.model_id,
    sample: row.sample,
    pointIndex: row.point_index,
    judgeModelId: row.judge_model_id,
    mode: row.mode,
    outcome: parseJson(row.outcome, JudgementOutcomeSchema, 'judgement'),
    ...(row.raw === null ? {} : { raw: row.raw }),
  };
}

/** Judgements, upserted by (run, question, model, sample, point, judge, mode). */
export class JudgementsTable {
  private readonly upsert: Database.Statement<unknown[]>;

  constructor(
    private readonly db: Database.Database,
    private readonly buffer: WriteBuffer,
  ) {
    this.upsert = db.prepare('INSERT OR REPLACE INTO judgements VALUES (?,?,?,?,?,?,?,?,?)');
  }

  put(record: JudgementRecord): void {
    const outcome = JSON.stringify(record.outcome);
    this.buffer.add(() =>
      this.upsert.run(
        record.runId,
        record.questionId,
        record.modelId,
        record.sample,
        record.pointIndex,
        record.judgeModelId,
        record.mode,
        outcome,
        record.raw ?? null,
      ),
    );
  }

  list(runId: string): JudgementRecord[] {
    this.buffer.flush();
    return this.db
      .prepare<[string], JudgementRow>('SELECT * FROM judgements WHERE run_id = ?')
      .all(runId)
      .map(toJudgementRecord);
  }

  /** The run's judgements in pages of `size` (a thousand), without their raw text. */
  *pages(runId: string, size?: number): Generator<JudgementRecord[], void, undefined> {
    this.buffer.flush();
    const pages = pagedRows<JudgementRow>(this.db, {
      table: 'judgements',
      columns:
        'run_id, question_id, model_id, sample, point_index, judge_model_id, mode, outcome, NULL AS raw',
      keys: ['question_id', 'model_id', 'sample', 'point_index', 'judge_model_id', 'mode'],
      runId,
      size,
    });
    for (const page of pages) yield page.map(toJudgementRecord);
  }
}
