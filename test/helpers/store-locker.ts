// Child process for the lock-timeout test: holds the store's write lock for argv[3] ms, as another
// program writing to the same file might. Prints the committed responses of run argv[4] when it
// has the lock ("locked N"), then "released" when it lets go.
import Database from 'better-sqlite3';

const [path, holdMs, runId] = process.argv.slice(2);
const db = new Database(path!);
db.pragma('busy_timeout = 10000');
db.prepare('BEGIN IMMEDIATE').run();
const { count } = db
  .prepare<[string], { count: number }>('SELECT COUNT(*) AS count FROM responses WHERE run_id = ?')
  .get(runId!)!;
process.stdout.write(`locked ${count}\n`);
setTimeout(() => {
  db.prepare('COMMIT').run();
  db.close();
  process.stdout.write('released\n');
}, Number(holdMs));
