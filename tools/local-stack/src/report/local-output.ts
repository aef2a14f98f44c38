import type { IdMap } from '@org/emulators';
import type { Operation, OrgSnapshot } from '@org/scope-engine';
import type { StoredAuditEntry } from '@org/governance-runtime';
import { textTable } from './text-table';

/** Names to show instead of ids. */
export interface NameBook {
  account(id: string): string;
  policy(id: string): string;
  permissionSet(arn: string): string;
  principal(id: string): string;
}

/** Names from a snapshot (with example ids), falling back to the id. */
export function nameBook(snapshot: OrgSnapshot): NameBook {
  const find =
    <T>(items: readonly T[], key: (item: T) => string, name: (item: T) => string) =>
    (id: string) => {
      const item = items.find((candidate) => key(candidate) === id);
      return item === undefined ? id : name(item);
    };
  return {
    account: find(
      snapshot.accounts,
      (a) => a.id,
      (a) => `${a.id} (${a.name})`,
    ),
    policy: find(
      snapshot.policies,
      (p) => p.id,
      (p) => p.name,
    ),
    permissionSet: find(
      snapshot.permissionSets,
      (p) => p.arn,
      (p) => p.name,
    ),
    principal: find(
      snapshot.principals,
      (p) => p.id,
      (p) => p.name,
    ),
  };
}

/** What an operation does, in words, with example ids translated back. */
export function describeOperation(operation: Operation, ids: IdMap, names: NameBook): string {
  switch (operation.type) {
    case 'attachPolicy':
    case 'detachPolicy':
      return `${operation.type === 'attachPolicy' ? 'attach' : 'detach'} ${names.policy(ids.reverse(operation.policyId))}${operation.policyType === 'SERVICE_CONTROL_POLICY' ? '' : ` (${operation.policyType})`}`;
    case 'createAssignment':
    case 'deleteAssignment':
      return `${operation.type === 'createAssignment' ? 'create' : 'delete'} ${names.permissionSet(ids.reverse(operation.permissionSetArn))} → ${operation.principalType} ${names.principal(ids.reverse(operation.principalId))}`;
    case 'notify':
      return `notify ${operation.notificationId} (${operation.targetType})`;
  }
}

/** The table of executed operations: event, account, operation, outcome, rules. */
export function appliedOperationsTable(
  entries: readonly { readonly file: string; readonly entry: StoredAuditEntry }[],
  ids: IdMap,
  names: NameBook,
): string {
  const rows = entries
    .filter(({ entry }) => entry.operation !== undefined)
    .map(({ file, entry }) => [
      file.replace(/\.json$/, ''),
      names.account(ids.reverse(entry.accountId ?? '')),
      entry.operation === undefined ? '' : describeOperation(entry.operation, ids, names),
      entry.outcome,
      entry.ruleIds.join(', '),
    ]);
  return textTable(['event', 'account', 'operation', 'outcome', 'rules'], rows);
}

/** The effective state per account: parent, status, SCPs (managed ones marked *), assignments. */
export function effectiveStateTable(snapshot: OrgSnapshot): string {
  const names = nameBook(snapshot);
  const ouName = (id: string) =>
    id === snapshot.rootId
      ? 'Root'
      : (snapshot.organizationalUnits.find((ou) => ou.id === id)?.name ?? id);
  const rows = [...snapshot.accounts]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((account) => [
      `${account.id} ${account.name}`,
      `${ouName(account.parentId)}${account.status === 'ACTIVE' ? '' : ` (${account.status})`}`,
      snapshot.attachments
        .filter((a) => a.targetId === account.id)
        .map((a) => `${names.policy(a.policyId)}${(a.managedBy ?? []).length > 0 ? '*' : ''}`)
        .sort()
        .join(', '),
      snapshot.assignments
        .filter((a) => a.accountId === account.id)
        .map(
          (a) =>
            `${names.permissionSet(a.permissionSetArn)}→${names.principal(a.principalId)}${(a.managedBy ?? []).length > 0 ? '*' : ''}`,
        )
        .sort()
        .join(', '),
    ]);
  return textTable(
    ['account', 'parent', 'policies, every type (* managed)', 'assignments (* managed)'],
    rows,
  );
}
