import type { Command } from 'commander';
import { z } from 'zod';
import { AdaemConfigSchema } from '../../core/config.js';
import { withExamples } from '../options.js';
import { printJson } from '../runtime.js';

/** `adaem schema`: the JSON Schema of adaem.yaml, for editor completion. */
export function registerSchema(program: Command): void {
  const schema = program
    .command('schema')
    .description('print the JSON Schema of adaem.yaml (for editor completion)')
    .action(() => {
      printJson({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        title: 'adaem.yaml',
        ...z.toJSONSchema(AdaemConfigSchema, { io: 'input' }),
      });
    });
  withExamples(schema, 'adaem schema > adaem.schema.json   # then point your editor at it');
}
