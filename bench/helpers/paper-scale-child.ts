// Child of bench:evaluate: runs the paper-scale evaluation until the parent kills it.
import { writeSync } from 'node:fs';
import { openStore } from '../../src/store/index.js';
import { paperScaleRun } from './paper-scale.js';

const store = openStore({ path: process.argv[2]! });
let reported = 0;
await paperScaleRun({
  store,
  runId: 'killed',
  onProgress: (done, total) => {
    if (done - reported >= 500) {
      reported = done;
      writeSync(1, `${done} ${total}\n`);
    }
  },
});
