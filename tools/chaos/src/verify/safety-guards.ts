/**
 * The safety guards (issue 5, item 5), asserted on every run: the management account never gets
 * SCP changes, FullAWSAccess is never detached, unmanaged attachments and assignments (made by
 * hand, without `managedBy`) are never touched — neither attempted (as the edge saw every call)
 * nor missing or taken over at the end.
 */
import { FULL_AWS_ACCESS_POLICY_ID, type OrgSnapshot } from '@org/scope-engine';
import type { AttemptedChange } from '../edge/edge-ledger';

/** Items made by hand, with the round from which each one existed. */
export interface UnmanagedRegistry {
  /** `account#policy` → round it was attached by hand (0: before the run). */
  readonly attachments: ReadonlyMap<string, number>;
  /** `account#arn#type#principal` → round it was created by hand. */
  readonly assignments: ReadonlyMap<string, number>;
}

/** The verdict of the guards. */
export interface GuardVerdict {
  readonly managementAccountScpChanges: number;
  readonly fullAwsAccessDetaches: number;
  readonly nonAccountTargets: number;
  /**
   * Attempted changes that break a guard (each counted once), plus unmanaged items missing or
   * taken over at the end.
   */
  readonly unmanagedTouched: number;
  readonly violations: readonly string[];
}

const ACCOUNT_ID = /^\d{12}$/;

/**
 * Checks every attempted change and the final organization.
 *
 * @example
 * ```ts
 * const guards = checkSafetyGuards(ledger.attempts, registry, managementAccountId, finalItems);
 * guards.unmanagedTouched; // 0
 * ```
 */
export function checkSafetyGuards(
  attempts: readonly AttemptedChange[],
  unmanaged: UnmanagedRegistry,
  managementAccountId: string,
  final: OrgSnapshot,
): GuardVerdict {
  const violations: string[] = [];
  let managementAccountScpChanges = 0;
  let fullAwsAccessDetaches = 0;
  let nonAccountTargets = 0;
  let unmanagedTouched = 0;
  for (const a of attempts) {
    const where = `round ${a.round} ${a.container}: ${a.command} ${a.targetId} ${a.item}`;
    const scp = a.command === 'AttachPolicy' || a.command === 'DetachPolicy';
    const reasons: string[] = [];
    if (scp && a.targetId === managementAccountId) {
      managementAccountScpChanges += 1;
      reasons.push('management account SCP change');
    }
    if (a.command === 'DetachPolicy' && a.item === FULL_AWS_ACCESS_POLICY_ID) {
      fullAwsAccessDetaches += 1;
      reasons.push('FullAWSAccess detached');
    }
    if (!ACCOUNT_ID.test(a.targetId)) {
      nonAccountTargets += 1;
      reasons.push('change of a non-account target');
    }
    const since = (scp ? unmanaged.attachments : unmanaged.assignments).get(
      `${a.targetId}#${a.item}`,
    );
    if (since !== undefined && a.round >= since) reasons.push('unmanaged item touched');
    if (reasons.length > 0) {
      unmanagedTouched += 1;
      violations.push(`${reasons.join(', ')}: ${where}`);
    }
  }
  const accounts = new Set(final.accounts.map((a) => a.id));
  const attachments = new Map(
    final.attachments.map((a) => [`${a.targetId}#${a.policyId}`, a.managedBy ?? []]),
  );
  const assignments = new Map(
    final.assignments.map((a) => [
      `${a.accountId}#${a.permissionSetArn}#${a.principalType}#${a.principalId}`,
      a.managedBy ?? [],
    ]),
  );
  const checkFinal = (
    kind: string,
    items: ReadonlyMap<string, number>,
    now: Map<string, readonly string[]>,
  ) => {
    for (const key of items.keys()) {
      if (!accounts.has(key.slice(0, key.indexOf('#')))) continue;
      const managedBy = now.get(key);
      if (managedBy === undefined || managedBy.length > 0) {
        unmanagedTouched += 1;
        violations.push(
          `unmanaged ${kind} ${managedBy === undefined ? 'missing' : `now managed by ${managedBy.join(',')}`} at the end: ${key}`,
        );
      }
    }
  };
  checkFinal('attachment', unmanaged.attachments, attachments);
  checkFinal('assignment', unmanaged.assignments, assignments);
  return {
    managementAccountScpChanges,
    fullAwsAccessDetaches,
    nonAccountTargets,
    unmanagedTouched,
    violations,
  };
}
