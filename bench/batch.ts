/**
 * `npm run bench:batch`: what batch execution and prompt caching save at paper scale (at the
 * built-in prices), and the wall time of a batch evaluation against the sandbox server.
 */
import { batchCostFigures } from './batch-cost.js';

console.log('cost, live vs batch vs batch + cache');
for (const text of batchCostFigures()) console.log(`  ${text}`);
