/**
 * `npm run bench:batch`: what batch execution and prompt caching save at paper scale (at the
 * built-in prices), and the wall time of a 1,000-question batch evaluation against the sandbox server.
 */
import { batchCostFigures } from './batch-cost.js';
import { batchWallFigures } from './batch-wall.js';

console.log('cost, live vs batch vs batch + cache');
for (const text of batchCostFigures()) console.log(`  ${text}`);
console.log('wall time against the sandbox server (no completion delay: what adaem itself adds)');
for (const text of await batchWallFigures()) console.log(`  ${text}`);
