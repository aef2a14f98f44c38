import type { Command } from 'commander';
import { UsageError } from '../errors';

/** The option that confirms held detaches and deletes. */
export interface DestructiveOption {
  readonly allowDestructive?: string;
}

/**
 * Adds `--allow-destructive <n>`: confirms up to `n` detaches and deletes, for a plan holding
 * more than `settings.maxDestructiveOperations`.
 *
 * @example
 * ```ts
 * addDestructiveOption(program.command('reconcile'));
 * ```
 */
export function addDestructiveOption(command: Command): Command {
  return command.option(
    '--allow-destructive <n>',
    'execute up to n detaches and deletes even when they exceed settings.maxDestructiveOperations (default 25); a plan with more than n still holds them all',
  );
}

/**
 * The confirmed count of `--allow-destructive`, or `undefined` when not given.
 *
 * @throws {UsageError} unless it is a whole number from 0.
 * @example
 * ```ts
 * confirmDestructiveOf({ allowDestructive: '30' }); // 30
 * ```
 */
export function confirmDestructiveOf(options: DestructiveOption): number | undefined {
  const value = options.allowDestructive;
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) {
    throw new UsageError(`--allow-destructive must be a whole number from 0, not ${value}`);
  }
  return Number(value);
}
