import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the proxy saw: its path and the text of its chat messages (or embedding inputs). */
export interface ProxiedRequest {
  path: string;
  text: string;
  model: string;
  /** How many requests with the same model and text came before this one. */
  repeat: number;
}

/**
 * An HTTP proxy on 127.0.0.1 in front of an OpenAI-compatible server (the sandbox's): `fail(request)`
 * decides per request whether it is answered with a 500 instead of being forwarded — faults planted
 * on chosen calls only (the exploration of one arm, the scoring of one seed…).
 */
export async function startFaultProxy(target: string, fail: (request: ProxiedRequest) => boolean) {
  let failed = 0;
  const seen = new Map<string, number>();
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const parsed = (body ? JSON.parse(body) : {}) as {
      model?: string;
      messages?: { content: string }[];
      input?: unknown;
    };
    const text = parsed.messages
      ? parsed.messages.map((message) => message.content).join('\n')
      : JSON.stringify(parsed.input ?? '');
    const path = request.url ?? '';
    const model = parsed.model ?? '';
    const repeat = seen.get(`${model}\u0000${text}`) ?? 0;
    seen.set(`${model}\u0000${text}`, repeat + 1);
    if (fail({ path, text, model, repeat })) {
      failed++;
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'planted fault (test proxy)' } }));
      return;
    }
    const forwarded = await fetch(`${target}${path.replace(/^\/v1/, '')}`, {
      method: request.method,
      headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
      ...(body ? { body } : {}),
    });
    const answer = await forwarded.text();
    response.writeHead(forwarded.status, { 'content-type': 'application/json' });
    response.end(answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    get failed() {
      return failed;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
