/**
 * The blast-radius brake of reconcile runs and rules applies: a plan with more detaches and
 * deletes than `settings.maxDestructiveOperations` executes none of them until confirmed.
 */
import type { Operation } from '@org/scope-engine';
import type { FailureReporter } from '../failure-reporter';
import type { AuditEntry, AuditLog } from '../ports/audit-log';

/** Operation types that remove access or guardrails (v1 and v2 policy forms). */
const DESTRUCTIVE_TYPES: ReadonlySet<string> = new Set([
  'detachScp',
  'detachPolicy',
  'deleteAssignment',
]);

/**
 * Whether an operation removes something: a policy detach or an assignment delete.
 *
 * @example
 * ```ts
 * plan.operations.filter(isDestructive).length; // what the cap counts
 * ```
 */
export function isDestructive(operation: Pick<Operation, 'type'>): boolean {
  return DESTRUCTIVE_TYPES.has(operation.type);
}

/** Detaches and deletes held back because the plan holds more than the cap allows. */
export interface DestructiveHold {
  /** The held operations, in plan order. */
  readonly operations: readonly Operation[];
  /** `settings.maxDestructiveOperations` of the rules planned with. */
  readonly limit: number;
  /** The confirmation given, too small to cover the operations (`null`: none given). */
  readonly confirmed: number | null;
}

/** Which operations of a plan run now, and which wait for a confirmation. */
export interface DestructiveDecision {
  /** Operations to execute (or enqueue): everything unless held, else creates and attaches. */
  readonly proceed: readonly Operation[];
  /** The held detaches and deletes, or `null` when none are held. */
  readonly held: DestructiveHold | null;
}

/**
 * Splits a reconcile plan's operations by the cap: when it holds more detaches and deletes than
 * `limit` and `confirmDestructive` (the confirmed count) does not cover them all, every one of
 * them is held and only the other operations proceed. A confirmation at least as large as the
 * count releases them; one below the count still holds them all.
 *
 * @example
 * ```ts
 * const { proceed, held } = decideDestructive(plan.operations, 25, options.confirmDestructive);
 * ```
 */
export function decideDestructive(
  operations: readonly Operation[],
  limit: number,
  confirmDestructive?: number,
): DestructiveDecision {
  const destructive = operations.filter(isDestructive);
  const confirmed = confirmDestructive ?? null;
  if (destructive.length <= limit || (confirmed !== null && confirmed >= destructive.length)) {
    return { proceed: operations, held: null };
  }
  return {
    proceed: operations.filter((operation) => !isDestructive(operation)),
    held: { operations: destructive, limit, confirmed },
  };
}

/**
 * One line for humans (stderr, the failure topic, the audit log) about a hold.
 *
 * @example
 * ```ts
 * describeHold(held); // '26 detaches and deletes exceed settings.maxDestructiveOperations (25): …'
 * ```
 */
export function describeHold(held: DestructiveHold): string {
  const count = held.operations.length;
  const given =
    held.confirmed === null ? '' : ` (the confirmation of ${held.confirmed} does not cover them)`;
  return (
    `${count} detaches and deletes exceed settings.maxDestructiveOperations (${held.limit})${given}: ` +
    `none were executed; confirm with orgctl reconcile --apply --allow-destructive ${count} ` +
    `or an on-demand reconcile with confirmDestructive: ${count}`
  );
}

/**
 * Audits each held operation (`held`, with the reason) and alerts once
 * (`DestructiveOperationsHeld`).
 *
 * @example
 * ```ts
 * if (held !== null) await holdDestructive({ audit, failures }, runId, at, held);
 * ```
 */
export async function holdDestructive(
  deps: {
    readonly audit: Pick<AuditLog, 'append'>;
    readonly failures?: Pick<FailureReporter, 'report'>;
  },
  runId: string,
  at: string,
  held: DestructiveHold,
): Promise<void> {
  const reason = describeHold(held);
  for (const operation of held.operations) {
    const entry: AuditEntry = {
      eventId: runId,
      type: 'operation',
      at,
      accountId: operation.accountId,
      outcome: 'held',
      ruleIds: 'ruleIds' in operation ? operation.ruleIds : [],
      operation,
      detail: reason,
    };
    await deps.audit.append(entry);
  }
  await deps.failures?.report({
    kind: 'DestructiveOperationsHeld',
    eventId: runId,
    accountId: null,
    reason,
  });
}
