import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local server speaking Anthropic's Messages API; `status` makes every call fail with it. */
export async function startAnthropicServer(
  options: {
    status?: number;
    /** The reply's content blocks and stop reason (default: one text block echoing the last message). */
    reply?: { content: Record<string, unknown>[]; stopReason?: string };
    /** The reply's usage block (default: 9 input and 4 output tokens, no cache). */
    usage?: Record<string, number>;
  } = {},
) {
  const received: Record<string, unknown>[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    received.push({ ...body, authorization: request.headers.authorization });
    if (options.status) {
      response.writeHead(options.status, { 'content-type': 'application/json', 'retry-after': '2' });
      response.end(
        JSON.stringify({ type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } }),
      );
      return;
    }
    const messages = body.messages as { content: string }[];
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: options.reply?.content ?? [{ type: 'text', text: `heard: ${messages.at(-1)?.content}` }],
        stop_reason: options.reply?.stopReason ?? 'end_turn',
        stop_sequence: null,
        usage: options.usage ?? { input_tokens: 9, output_tokens: 4 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
