/**
 * The reconcile plan: every account's operations, accounts in id order.
 */
import type { RefConfig } from '../model/config';
import type { RefPlan } from '../model/plan';
import type { RefAccount, RefSnapshot } from '../model/snapshot';
import { referenceDesiredState } from '../desired/desired-state';
import { referenceAccountPlan } from './account-plan';

/**
 * The operations and skips that take every account (or only `accountIds`) to its desired state.
 *
 * @example
 * ```ts
 * referenceReconcile(snapshot, config).operations.length; // the drift
 * referenceReconcile(snapshot, config, ['222222222222']); // one account
 * ```
 */
export function referenceReconcile(
  snapshot: RefSnapshot,
  config: RefConfig,
  accountIds?: readonly string[],
): RefPlan {
  const accounts = snapshot.accounts
    .filter((a) => accountIds === undefined || accountIds.includes(a.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const plans = accounts.map((account) => referenceAccountPlan(snapshot, config, account));
  return {
    operations: plans.flatMap((p) => p.operations),
    skipped: plans.flatMap((p) => p.skipped),
  };
}

/**
 * The accounts whose desired state differs between two configurations (items, the rules behind
 * them, and the rules that cannot apply): what applying new rules must reconcile.
 *
 * @example
 * ```ts
 * changedAccounts(snapshot, oldConfig, newConfig); // ['222222222222']
 * ```
 */
export function changedAccounts(
  snapshot: RefSnapshot,
  before: RefConfig,
  after: RefConfig,
): string[] {
  const desired = (config: RefConfig, account: RefAccount): string =>
    JSON.stringify(referenceDesiredState(snapshot, config, account));
  return snapshot.accounts
    .filter((account) => desired(before, account) !== desired(after, account))
    .map((account) => account.id)
    .sort();
}
