import type { OrgSnapshot } from '@org/scope-engine';
import { mapLimit } from '../map-limit';
import {
  finishReconcile,
  type ReconcileDependencies,
  type ReconcileOptions,
  type ReconcileResult,
} from '../reconcile/reconcile';
import { readDirectoryView, relevantPermissionSetArns } from '../state/directory-view';
import { policyTypesToRead } from '../state/policy-types-to-read';
import { withManagedBy } from '../state/with-managed-by';
import { withTagLedger } from '../tag-trust/tag-ledger-reads';

/** Options of {@link reconcileAccounts}: a reconcile of these accounts only. */
export type ReconcileAccountsOptions = Omit<ReconcileOptions, 'accountIds' | 'onProgress'> & {
  readonly accountIds: readonly string[];
};

/** One snapshot of several accounts' snapshots (OUs and policies once each). */
function mergeSnapshots(snapshots: readonly OrgSnapshot[], empty: OrgSnapshot): OrgSnapshot {
  const byId = <T extends { readonly id: string }>(items: readonly T[]): T[] => [
    ...new Map(items.map((item) => [item.id, item])).values(),
  ];
  return {
    ...(snapshots[0] ?? empty),
    organizationalUnits: byId(snapshots.flatMap((s) => s.organizationalUnits)),
    accounts: snapshots.flatMap((s) => s.accounts),
    policies: byId(snapshots.flatMap((s) => s.policies)),
    attachments: snapshots.flatMap((s) => s.attachments),
    assignments: snapshots.flatMap((s) => s.assignments),
  };
}

/**
 * An on-demand reconcile of some accounts that reads only those accounts: each account's
 * structure (the account, its ancestors, its direct attachments), its provisioned state and its
 * assignments of the relevant permission sets, with the directory view read once. Accounts no
 * longer in the organization are departed (forgotten unless a dry run). The plan goes through the
 * same finish as a full run (blast-radius cap, pause switch, audit, run record).
 *
 * @example
 * ```ts
 * await reconcileAccounts(deps, { runId, accountIds: ['222222222222'] });
 * ```
 */
export async function reconcileAccounts(
  deps: ReconcileDependencies,
  options: ReconcileAccountsOptions,
): Promise<ReconcileResult> {
  const config = await deps.rules.current();
  const view = await readDirectoryView(config, deps.identityCenter, deps.directory);
  const read = await mapLimit(options.accountIds, options.concurrency ?? 4, async (accountId) => {
    const provisioned = await deps.provisionedState.getAccount(accountId);
    const structure = await deps.organizations.readAccountStructure(
      accountId,
      policyTypesToRead(config, [provisioned]),
    );
    if (structure === null) return { accountId, snapshot: null };
    const arns = relevantPermissionSetArns(config, view.permissionSets, provisioned);
    const live =
      arns.length === 0 ? [] : await deps.identityCenter.listAssignments(accountId, arns);
    const snapshot: OrgSnapshot = {
      ...structure,
      ...view,
      accounts: structure.accounts.filter((account) => account.id === accountId),
      ...withManagedBy(structure.attachments, live, [provisioned]),
    };
    return { accountId, snapshot };
  });
  const snapshots = read.flatMap((r) => (r.snapshot === null ? [] : [r.snapshot]));
  const departed = read.filter((r) => r.snapshot === null).map((r) => r.accountId);
  const empty: OrgSnapshot = {
    managementAccountId: '',
    rootId: '',
    organizationalUnits: [],
    accounts: [],
    policies: [],
    attachments: [],
    assignments: [],
    ...view,
  };
  const snapshot = await withTagLedger(
    mergeSnapshots(snapshots, empty),
    config,
    deps.tagLedger,
    options.accountIds,
  );
  return finishReconcile(deps, options, snapshot, config, options.accountIds, departed);
}
