import { displayText } from '@org/event-schemas';
import { Command, CommanderError } from 'commander';
import { COMMANDS, type CliCommand } from './commands';
import { CliError } from './errors';
import type { CliIo } from './io/cli-io';
import { colorsFor } from './io/colors';
import { writeProblems } from './io/write-problems';

/** The longest error line shown, in code points (longer ones end with `…`). */
const LINE_MAX = 2000;

/** Exit codes: 0 success, 1 invalid input, 2 usage error. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;

/** The version printed by `orgctl --version`. */
export const VERSION = '0.1.0';

/**
 * Runs `orgctl` with `argv` (arguments after the program name) and returns the exit code: 0
 * success, 1 invalid input, 2 usage error. Nothing is thrown and nothing exits the process; user
 * errors are printed to `io.stderr` as a one-line summary plus a list of problems.
 *
 * @example
 * ```ts
 * const code = await runCli(['plan', '--org', 'org.yaml', '--config', 'governance.yaml', '--reconcile'], nodeIo());
 * process.exitCode = code;
 * ```
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[] = COMMANDS,
): Promise<number> {
  const program = new Command('orgctl')
    .description(
      'Plan, validate and report org governance: SCPs, Identity Center assignments, notifications.',
    )
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  for (const register of commands) register(program, { io });
  for (const command of program.commands)
    command.exitOverride().showHelpAfterError('(run with --help for usage)');

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message; help and version are successes.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  const c = colorsFor(io, io.stderr);
  if (error instanceof CliError) {
    // Summaries and problems quote names and values from the inputs: never raw control characters.
    io.stderr.write(`${c.red('error')}: ${displayText(error.summary, LINE_MAX)}\n`);
    writeProblems(io, error.problems, 'problem', error.problemCount);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${c.red('internal error')}: ${displayText(message, LINE_MAX)}\n`);
  if (io.env['ORGCTL_DEBUG'] && error instanceof Error && error.stack)
    io.stderr.write(`${error.stack}\n`);
  else io.stderr.write('(set ORGCTL_DEBUG=1 for details, and please report this)\n');
  return EXIT.invalidInput;
}
