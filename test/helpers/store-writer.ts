// Child process for the durability test: writes responses forever, printing the count after each commit.
import { openStore } from '../../src/store/index.js';

const store = openStore({ path: process.argv[2]! });
let written = 0;
const tick = (): void => {
  for (let index = 0; index < 50; index++) {
    store.responses.put({
      runId: 'kill',
      questionId: `q${written}`,
      modelId: 'sandbox:atlas',
      sample: 0,
      outcome: { status: 'ok', stance: 'yes', points: [{ point: `p${written}`, justification: 'j' }] },
      raw: 'x'.repeat(200),
    });
    written++;
  }
  store.flush();
  process.stdout.write(`${written}\n`);
  setImmediate(tick);
};
tick();
