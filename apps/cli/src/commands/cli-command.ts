import type { Command } from 'commander';
import type { CliIo } from '../io/cli-io';

/** What every command gets: the injected process I/O. */
export interface CommandContext {
  readonly io: CliIo;
}

/**
 * A sub-command: adds itself to the program. Its action writes results to `io.stdout` and throws a
 * `CliError` (exit 1 or 2) on failure; returning normally means exit 0.
 *
 * @example
 * ```ts
 * export const helloCommand: CliCommand = (program, { io }) => {
 *   program.command('hello').action(() => io.stdout.write('hello\n'));
 * };
 * ```
 */
export type CliCommand = (program: Command, ctx: CommandContext) => void;
