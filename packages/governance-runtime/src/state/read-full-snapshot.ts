import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import type { AssignmentKey } from '../ports/identity-center-port';
import type { ProvisionedAccountState } from '../ports/provisioned-state-repository';
import { mapLimit } from '../map-limit';
import { readDirectoryView, relevantPermissionSetArns } from './directory-view';
import { policyTypesToRead } from './policy-types-to-read';
import type { SnapshotReaders } from './read-account-snapshot';
import { withManagedBy } from './with-managed-by';

/** Progress of a long read, for progress bars. */
export interface ReadProgress {
  readonly done: number;
  readonly total: number;
}

/** Options of {@link readFullSnapshot}. */
export interface ReadFullSnapshotOptions {
  /** Accounts whose assignments are read at once. @default 4 */
  readonly concurrency?: number;
  /** Called after each account's assignments are read. */
  readonly onProgress?: (progress: ReadProgress) => void;
}

/**
 * The whole organization read now, with `managedBy` from the provisioned state, plus the
 * provisioned states of accounts that are no longer in the organization (`departed`, for the
 * reconciler to forget).
 *
 * @example
 * ```ts
 * const { snapshot } = await readFullSnapshot(config, readers, { onProgress: ({ done, total }) => bar.update(done, { total }) });
 * ```
 */
export async function readFullSnapshot(
  config: GovernanceConfig,
  readers: SnapshotReaders,
  options: ReadFullSnapshotOptions = {},
): Promise<{ snapshot: OrgSnapshot; departed: ProvisionedAccountState[] }> {
  // The provisioned state first: the policy types of its attachments are read even when no rule
  // uses them any more (their managed attachments are detached).
  const [view, provisioned] = await Promise.all([
    readDirectoryView(config, readers.identityCenter, readers.directory),
    readers.provisionedState.listAll(),
  ]);
  const structure = await readers.organizations.readSnapshotStructure(
    policyTypesToRead(config, provisioned),
  );
  const byAccount = new Map(provisioned.map((state) => [state.accountId, state]));
  const accountIds = structure.accounts.map((account) => account.id);
  let done = 0;
  const live = await mapLimit(accountIds, options.concurrency ?? 4, async (accountId) => {
    const state = byAccount.get(accountId) ?? { accountId, items: [] };
    const arns = relevantPermissionSetArns(config, view.permissionSets, state);
    const found: readonly AssignmentKey[] =
      arns.length === 0 ? [] : await readers.identityCenter.listAssignments(accountId, arns);
    done += 1;
    options.onProgress?.({ done, total: accountIds.length });
    return found;
  });
  const members = new Set(accountIds);
  return {
    snapshot: {
      ...structure,
      ...view,
      ...withManagedBy(structure.attachments, live.flat(), provisioned),
    },
    departed: provisioned.filter((state) => !members.has(state.accountId)),
  };
}
