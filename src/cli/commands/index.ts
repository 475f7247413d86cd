import type { Command } from 'commander';

/** Adds one sub-command (with its options and action) to the program. */
export type CommandRegistrar = (program: Command) => void;

/** Every sub-command, in `--help` order. Each module exports one registrar. */
export const COMMANDS: CommandRegistrar[] = [];
