import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the scripted server does with one request. */
export type ServerAction =
  | { kind: 'reply'; text?: string; logprobs?: boolean }
  | { kind: 'status'; status: number; retryAfter?: string; retryAfterMs?: string; message?: string }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'drop' }
  /** A body sent exactly as given (e.g. a plain-text error page). */
  | { kind: 'raw'; status: number; body: string; contentType?: string }
  | { kind: 'malformed' }
  /** The first choice's message, finish reason and usage exactly as given (reasoning fields, null content). */
  | {
      kind: 'message';
      message: Record<string, unknown>;
      finishReason?: string;
      usage?: Record<string, unknown>;
    };

/** A request the server received, with the time it arrived. */
export interface ReceivedRequest {
  path: string;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  at: number;
}

function reply(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(text);
}

function completion(body: Record<string, unknown>, text: string, logprobs: boolean): unknown {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 0,
    model: body.model,
    system_fingerprint: 'fp-test',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text },
        finish_reason: 'stop',
        logprobs: logprobs
          ? {
              content: [
                {
                  token: 'Yes',
                  logprob: -0.1,
                  bytes: null,
                  top_logprobs: [
                    { token: 'Yes', logprob: -0.1, bytes: null },
                    { token: 'No', logprob: -2.4, bytes: null },
                  ],
                },
              ],
            }
          : null,
      },
    ],
    usage: { prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 },
  };
}

/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 whose answers are scripted per request:
 * `script(index, body)` decides (default: a normal reply echoing the last user message).
 */
export async function startOpenAIServer(
  script: (
    index: number,
    body: Record<string, unknown>,
    /** The request's path (with its query) and headers, for servers that echo what they were sent. */
    request: { path: string; headers: IncomingMessage['headers'] },
  ) => ServerAction = () => ({ kind: 'reply' }),
) {
  const received: ReceivedRequest[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    const index = received.length;
    received.push({ path: request.url ?? '', body, headers: request.headers, at: Date.now() });
    if (request.url?.endsWith('/embeddings')) {
      const inputs = Array.isArray(body.input) ? body.input : [body.input];
      return reply(response, 200, {
        object: 'list',
        model: body.model,
        data: inputs.map((_, position) => ({
          object: 'embedding',
          index: position,
          embedding: [position, 1, 0.5],
        })),
        usage: { prompt_tokens: 4, total_tokens: 4 },
      });
    }
    const action = script(index, body, { path: request.url ?? '', headers: request.headers });
    const messages = Array.isArray(body.messages) ? (body.messages as { content: string }[]) : [];
    const echo = `echo: ${messages.at(-1)?.content ?? ''}`;
    switch (action.kind) {
      case 'reply':
        return reply(
          response,
          200,
          completion(body, action.text ?? echo, action.logprobs ?? Boolean(body.logprobs)),
        );
      case 'status':
        return reply(
          response,
          action.status,
          { error: { message: action.message ?? `scripted ${action.status}` } },
          {
            ...(action.retryAfter ? { 'retry-after': action.retryAfter } : {}),
            ...(action.retryAfterMs ? { 'retry-after-ms': action.retryAfterMs } : {}),
          },
        );
      case 'slow':
        setTimeout(() => {
          if (!response.destroyed) reply(response, 200, completion(body, echo, false));
        }, action.delayMs);
        return;
      case 'raw':
        response.writeHead(action.status, { 'content-type': action.contentType ?? 'text/plain' });
        response.end(action.body);
        return;
      case 'drop':
        request.socket.destroy();
        return;
      case 'message':
        return reply(response, 200, {
          id: 'chatcmpl-test',
          object: 'chat.completion',
          model: body.model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', ...action.message },
              finish_reason: action.finishReason ?? 'stop',
            },
          ],
          usage: action.usage ?? { prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 },
        });
      case 'malformed':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"choices": [ {"message": ');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
