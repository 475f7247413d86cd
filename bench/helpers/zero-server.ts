// A zero-latency OpenAI-compatible chat server, run as its own process so it has its own core.
// Optional argv[2]: requests allowed per rolling minute (429 with Retry-After beyond it).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const limit = Number(process.argv[2] ?? 0);
const served: number[] = [];
let rejected = 0;
const body = JSON.stringify({
  id: 'x',
  object: 'chat.completion',
  created: 0,
  model: 'm',
  choices: [
    { index: 0, message: { role: 'assistant', content: 'Stance: yes\n1. A: b' }, finish_reason: 'stop' },
  ],
  usage: { prompt_tokens: 20, completion_tokens: 8, total_tokens: 28 },
});
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    if (request.url === '/stats') {
      response.end(JSON.stringify({ served: served.length, rejected }));
      return;
    }
    if (limit > 0) {
      const now = Date.now();
      while (served.length > 0 && served[0]! <= now - 60_000) served.shift();
      if (served.length >= limit) {
        rejected++;
        const wait = served[0]! + 60_000 - now;
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after-ms': String(wait) });
        response.end('{"error":{"message":"rate limited"}}');
        return;
      }
      served.push(now);
    }
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
