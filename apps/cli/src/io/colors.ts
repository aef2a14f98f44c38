import { createColors } from 'picocolors';
import type { CliIo, TextSink } from './cli-io';

/** The colour functions the CLI uses (identity functions when colour is off). */
export type Colors = ReturnType<typeof createColors>;

/**
 * Colour only on a TTY, unless `NO_COLOR` is set (https://no-color.org) or `FORCE_COLOR` forces it.
 *
 * @example
 * ```ts
 * const c = colorsFor(io, io.stdout);
 * io.stdout.write(c.green('attachPolicy'));
 * ```
 */
export function colorsFor(io: CliIo, sink: TextSink): Colors {
  const forced = io.env['FORCE_COLOR'];
  const enabled =
    forced !== undefined && forced !== '0'
      ? true
      : io.env['NO_COLOR'] === undefined && sink.isTTY && forced !== '0';
  return createColors(enabled);
}
