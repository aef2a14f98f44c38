/**
 * The pause switch as `orgctl pause`, `resume` and `status` change and show it.
 */
import { NOT_PAUSED, type PauseState } from '@org/governance-runtime';
import { colorsFor } from '../io/colors';
import type { CliIo } from '../io/cli-io';
import { remote } from './live-command';
import { loadConnect } from './load-connect';
import { resolveLiveSettings, type LiveOptions } from './live-settings';

/** The options of `orgctl pause` and `orgctl resume`. */
export interface PauseOptions extends LiveOptions {
  readonly reason?: string;
  readonly by?: string;
}

/** Who changes the switch: `--by`, else the `USER` of the shell, else unknown. */
function changedBy(io: CliIo, options: PauseOptions): string | null {
  return options.by ?? io.env['USER'] ?? null;
}

/**
 * How a switch state reads: `paused since <at> by <who>: <reason>` or `running`.
 *
 * @example
 * ```ts
 * describePause(NOT_PAUSED); // 'running'
 * ```
 */
export function describePause(state: PauseState): string {
  if (!state.paused) return 'running';
  const by = state.changedBy === null ? '' : ` by ${state.changedBy}`;
  const reason = state.reason === null ? '' : `: ${state.reason}`;
  return `paused since ${state.changedAt ?? 'an unknown time'}${by}${reason}`;
}

/**
 * Sets the pause switch to `paused` (an unchanged switch is left as it is, its time and author
 * kept) and says what it means on stderr.
 *
 * @example
 * ```ts
 * await setPause(io, options, true);
 * ```
 */
export async function setPause(io: CliIo, options: PauseOptions, paused: boolean): Promise<void> {
  const settings = resolveLiveSettings(io, options);
  const { control, clock } = loadConnect()(io, settings);
  const c = colorsFor(io, io.stderr);
  const table = settings.stateTable;
  const current = await remote(`reading the pause switch in ${table}`, () => control.read());
  if (current.paused === paused) {
    io.stderr.write(`${c.yellow('unchanged')}: ${describePause(current)}\n`);
    return;
  }
  const next: PauseState = paused
    ? {
        paused: true,
        changedAt: new Date(clock.now()).toISOString(),
        changedBy: changedBy(io, options),
        reason: options.reason ?? null,
      }
    : {
        ...NOT_PAUSED,
        changedAt: new Date(clock.now()).toISOString(),
        changedBy: changedBy(io, options),
      };
  await remote(`setting the pause switch in ${table}`, () => control.set(next));
  io.stderr.write(
    paused
      ? `${c.yellow('paused')}: the processor plans and audits without enqueuing, the worker leaves operations on the queue (orgctl resume to resume)\n`
      : `${c.green('resumed')}: events are applied again; operations the worker held come back within its hold time — run orgctl reconcile --apply (or the reconciler) to restore what events planned while paused\n`,
  );
}
