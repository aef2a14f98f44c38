/**
 * Differences between two organizations (moto's and the reference model's): structure, direct
 * SCP attachments of accounts and account assignments, each with its `managedBy`.
 */
import type { OrgSnapshot } from '@org/scope-engine';

const sorted = (values: readonly string[]): string => [...values].sort().join(',');

function accountLines(snapshot: OrgSnapshot): Set<string> {
  return new Set(
    snapshot.accounts.map((a) => {
      const tags = Object.entries(a.tags)
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      return `account ${a.id} parent=${a.parentId} status=${a.status} tags={${tags}}`;
    }),
  );
}

function itemLines(snapshot: OrgSnapshot): Set<string> {
  const accounts = new Set(snapshot.accounts.map((a) => a.id));
  return new Set([
    ...snapshot.organizationalUnits.map(
      (ou) => `ou ${ou.id} parent=${ou.parentId} name=${ou.name}`,
    ),
    ...snapshot.attachments
      .filter((a) => accounts.has(a.targetId))
      .map((a) => `scp ${a.targetId} ${a.policyId} managedBy=[${sorted(a.managedBy ?? [])}]`),
    ...snapshot.assignments.map(
      (a) =>
        `assignment ${a.accountId} ${a.permissionSetArn} ${a.principalType}:${a.principalId} managedBy=[${sorted(a.managedBy ?? [])}]`,
    ),
  ]);
}

/**
 * Lines present in one organization and not the other, prefixed `only in <name>: `.
 *
 * @example
 * ```ts
 * stateDiff({ name: 'moto', snapshot: live }, { name: 'model', snapshot: expected }); // [] when equal
 * ```
 */
export function stateDiff(
  left: { readonly name: string; readonly snapshot: OrgSnapshot },
  right: { readonly name: string; readonly snapshot: OrgSnapshot },
): string[] {
  const lines = (s: OrgSnapshot) => new Set([...accountLines(s), ...itemLines(s)]);
  const a = lines(left.snapshot);
  const b = lines(right.snapshot);
  return [
    ...[...a].filter((line) => !b.has(line)).map((line) => `only in ${left.name}: ${line}`),
    ...[...b].filter((line) => !a.has(line)).map((line) => `only in ${right.name}: ${line}`),
  ].sort();
}

/**
 * Assignments listed more than once (moto lists an assignment created twice twice; Identity
 * Center would not have created it twice).
 *
 * @example
 * ```ts
 * duplicateAssignments(snapshot); // 0
 * ```
 */
export function duplicateAssignments(snapshot: OrgSnapshot): number {
  const keys = snapshot.assignments.map(
    (a) => `${a.accountId}#${a.permissionSetArn}#${a.principalType}#${a.principalId}`,
  );
  return keys.length - new Set(keys).size;
}
