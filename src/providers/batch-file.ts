import { writeFileSync } from 'node:fs';
import { CancelledError } from '../core/errors.js';
import { batchLine } from './batch-openai.js';
import type { BatchItem, BatchPoll, BatchTransport } from './batch-transport.js';
import { modelProtocol } from './model-protocol.js';

/** The run stopped with its requests written to a batch file; it resumes with the results file. */
export class BatchFileWrittenError extends CancelledError {
  constructor(message: string) {
    super(message, { code: 'batch-file' });
    this.name = 'BatchFileWrittenError';
  }
}

/**
 * An offline batch: the requests are written to `path` in the OpenAI batch format (what `vllm
 * run-batch` reads) and the run stops; the results come back through `--batch-results`.
 */
export function createFileBatchTransport(options: {
  path: string;
  runId?: string;
  onWritten?: (path: string) => void;
}): BatchTransport {
  return {
    async submit(items: BatchItem[]): Promise<string> {
      const text = items
        .map((item) => {
          const model = item.model ?? 'model';
          return `${batchLine(model, modelProtocol(model, item.protocol), item)}\n`;
        })
        .join('');
      writeFileSync(options.path, text);
      options.onWritten?.(options.path);
      return `file:${options.path}`;
    },
    async poll(batchId: string): Promise<BatchPoll> {
      const path = batchId.replace(/^file:/, '');
      const resume = options.runId
        ? `adaem evaluate --resume ${options.runId} --batch-results RESULTS.jsonl`
        : 'resume the run with --batch-results RESULTS.jsonl';
      throw new BatchFileWrittenError(
        `requests written to ${path}; run them (e.g. vllm run-batch -i ${path} -o RESULTS.jsonl --model MODEL), then ${resume}`,
      );
    },
  };
}
