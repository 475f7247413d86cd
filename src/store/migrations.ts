import type Database from 'better-sqlite3';

/** Schema steps, applied in order; `user_version` records how many ran. API keys have no column anywhere. */
export const MIGRATIONS: string[] = [
  `CREATE TABLE cache (
     key TEXT PRIMARY KEY,
     provider_id TEXT NOT NULL,
     result TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE calls (
     id INTEGER PRIMARY KEY,
     run_id TEXT,
     provider_id TEXT NOT NULL,
     role TEXT NOT NULL,
     status TEXT NOT NULL,
     error_code TEXT,
     error_message TEXT,
     http_status INTEGER,
     attempts INTEGER NOT NULL,
     latency_ms REAL NOT NULL,
     input_tokens INTEGER NOT NULL,
     output_tokens INTEGER NOT NULL,
     cost_usd REAL NOT NULL,
     finished_at INTEGER NOT NULL
   );
   CREATE INDEX calls_run ON calls (run_id);
   CREATE TABLE runs (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     status TEXT NOT NULL,
     manifest TEXT NOT NULL,
     summary TEXT,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE questions (
     run_id TEXT NOT NULL,
     position INTEGER NOT NULL,
     question TEXT NOT NULL,
     PRIMARY KEY (run_id, position)
   );
   CREATE TABLE responses (
     run_id TEXT NOT NULL,
     question_id TEXT NOT NULL,
     model_id TEXT NOT NULL,
     sample INTEGER NOT NULL,
     outcome TEXT NOT NULL,
     raw TEXT,
     input_tokens INTEGER,
     output_tokens INTEGER,
     PRIMARY KEY (run_id, question_id, model_id, sample)
   );
   CREATE TABLE judgements (
     run_id TEXT NOT NULL,
     question_id TEXT NOT NULL,
     model_id TEXT NOT NULL,
     sample INTEGER NOT NULL,
     point_index INTEGER NOT NULL,
     judge_model_id TEXT NOT NULL,
     mode TEXT NOT NULL,
     outcome TEXT NOT NULL,
     raw TEXT,
     PRIMARY KEY (run_id, question_id, model_id, sample, point_index, judge_model_id, mode)
   );`,
  // Who is running a run: a second process must not run it at once, and a dead one shows as interrupted.
  `ALTER TABLE runs ADD COLUMN owner_pid INTEGER;
   ALTER TABLE runs ADD COLUMN owner_host TEXT;
   ALTER TABLE runs ADD COLUMN heartbeat_at INTEGER;`,
  // Question generation: every candidate with its provenance, and the bandit's finished pulls.
  `CREATE TABLE generation_candidates (
     run_id TEXT NOT NULL,
     id TEXT NOT NULL,
     position INTEGER NOT NULL,
     pull INTEGER NOT NULL,
     round INTEGER,
     arm_id TEXT NOT NULL,
     parent_id TEXT,
     model_id TEXT,
     step TEXT NOT NULL,
     depth INTEGER NOT NULL,
     text TEXT NOT NULL,
     status TEXT NOT NULL,
     reason TEXT,
     s_p1 REAL,
     s_p2 REAL,
     detail TEXT NOT NULL,
     PRIMARY KEY (run_id, id)
   );
   CREATE INDEX generation_candidates_position ON generation_candidates (run_id, position);
   CREATE TABLE generation_pulls (
     run_id TEXT NOT NULL,
     pull INTEGER NOT NULL,
     arm_id TEXT NOT NULL,
     reward REAL NOT NULL,
     accepted INTEGER NOT NULL,
     rejected INTEGER NOT NULL,
     finished_at INTEGER NOT NULL,
     PRIMARY KEY (run_id, pull)
   );`,
  // Analyses of stored runs (reliability, agreement, …), each with its own manifest.
  `CREATE TABLE analyses (
     id TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     run_id TEXT NOT NULL,
     manifest TEXT NOT NULL,
     result TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX analyses_run ON analyses (run_id);`,
  // A pull whose candidates all failed for infrastructure reasons is no reward: why, or null.
  'ALTER TABLE generation_pulls ADD COLUMN failed TEXT;',
  // Batch execution: each submitted batch with its requests, stored before the engine waits for it;
  // call records say how a call went (live or batch) and how many input tokens the provider's cache served.
  `CREATE TABLE batches (
     id TEXT PRIMARY KEY,
     run_id TEXT,
     transport TEXT NOT NULL,
     wave INTEGER NOT NULL,
     status TEXT NOT NULL,
     final_status TEXT,
     requests TEXT NOT NULL,
     failures TEXT,
     submitted_at INTEGER NOT NULL,
     ended_at INTEGER
   );
   CREATE INDEX batches_run ON batches (run_id, status);
   ALTER TABLE calls ADD COLUMN execution TEXT NOT NULL DEFAULT 'live';
   ALTER TABLE calls ADD COLUMN cached_input_tokens INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE calls ADD COLUMN saved_usd REAL NOT NULL DEFAULT 0;`,
  // A batch's intent is recorded under a client key before it is submitted (status 'intended'); the
  // provider's batch carries the key, so a kill before its id is stored finds it again (issue 22).
  `ALTER TABLE batches ADD COLUMN batch_key TEXT;
   CREATE UNIQUE INDEX batches_key ON batches (batch_key);`,
];

/** Brings a database up to the newest schema inside one transaction. */
export function migrate(db: Database.Database): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current >= MIGRATIONS.length) return;
  db.transaction(() => {
    for (let version = current; version < MIGRATIONS.length; version++) db.exec(MIGRATIONS[version]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}
