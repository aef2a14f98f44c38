import type { DomainEvent } from '@org/event-schemas';
import type { OrgSnapshot, Plan } from '@org/scope-engine';
import type { CliIo } from '../io/cli-io';
import { colorsFor } from '../io/colors';
import { writePlanJson } from './plan-json';
import { writePlanTable } from './plan-table';

/** `--format`: `json` (the plan object: event, operations, skipped, ignored) or `table` (readable). */
export type PlanFormat = 'json' | 'table';

/**
 * Writes a plan to stdout in `format` — by default `table` on a terminal and `json` otherwise.
 *
 * @example
 * ```ts
 * writePlan(io, plan, { snapshot, format: options.format });
 * ```
 */
export function writePlan(
  io: CliIo,
  plan: Plan,
  ctx: {
    readonly snapshot: OrgSnapshot;
    readonly event?: DomainEvent;
    readonly format?: PlanFormat;
  },
): void {
  const format = ctx.format ?? (io.stdout.isTTY ? 'table' : 'json');
  if (format === 'json') {
    writePlanJson(plan, (chunk) => io.stdout.write(chunk));
    return;
  }
  writePlanTable(
    plan,
    {
      snapshot: ctx.snapshot,
      colors: colorsFor(io, io.stdout),
      ...(ctx.event ? { event: ctx.event } : {}),
    },
    (chunk) => io.stdout.write(chunk),
  );
}
