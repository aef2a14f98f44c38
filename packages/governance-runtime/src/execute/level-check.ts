/**
 * Level-triggered execution: a queued operation is an intent, not an order. Just before it runs,
 * the worker re-reads what it depends on and asks the engine's planner whether the current desired
 * state still asks for exactly this operation.
 */
import { Planner, type Operation, type OrgSnapshot, type PolicyType } from '@org/scope-engine';
import type { AssignmentKey, IdentityCenterPort } from '../ports/identity-center-port';
import type { OperationMessage } from '../ports/operation-queue';
import type { OrganizationsPort } from '../ports/organizations-port';
import type {
  ProvisionedAccountState,
  ProvisionedStateRepository,
} from '../ports/provisioned-state-repository';
import type { RulesSource } from '../rules/rules-source';
import type { DirectoryViewSource } from '../state/directory-view-store';
import { withManagedBy } from '../state/with-managed-by';
import { type TagLedgerReads, withTagLedger } from '../tag-trust/tag-ledger-reads';
import type { AccountReads } from './account-reads';
import { sameAssignment } from './creation-claim';
import {
  isManaged,
  isRemoval,
  notJustified,
  supersededJustification,
  UNMANAGED_REFUSAL,
} from './justification';
import { policyAttached, settledRemoval, unsentAttachIntent } from './record-upkeep';

/** What the level-triggered check reads. */
export interface LevelCheckDependencies {
  /** The account (parent, tags, state, direct policies), once per batch through {@link AccountReads}. */
  readonly organizations: Pick<OrganizationsPort, 'readAccountStructure'>;
  /** The live assignments of the operation's permission set on the account (assignment operations). */
  readonly identityCenter: Pick<IdentityCenterPort, 'listAssignments'>;
  readonly provisionedState: Pick<ProvisionedStateRepository, 'getAccount' | 'recordRemoved'>;
  /**
   * The current rules (cached), and the configurations they superseded within the retention
   * period (`recent`, cached; read only when the current rules refuse an attach or create).
   */
  readonly rules: RulesSource;
  /** Permission sets and principals as the last full read stored them (cached). */
  readonly directoryView: DirectoryViewSource;
  /**
   * Drops the cached rules and directory view, so that a negative verdict is confirmed against
   * fresh ones (a rule added a moment ago is not refused because of a cache). Absent = no cache.
   */
  readonly refreshCaches?: () => void;
  /**
   * The tag ledger, read for the operation's account only with `settings.trustedTagPrincipals`
   * (an untrusted tag value grants nothing here either). @default none: no tag value is trusted
   */
  readonly tagLedger?: TagLedgerReads;
}

/**
 * The verdict on one queued operation:
 * - `desired`: execute it — `operation` is the message's, with the rule ids that justify it now;
 * - `stale`: justified when planned, but the current desired state does not ask for it (already in
 *   place, no longer desired, account gone or inactive, or an attach or create that only a
 *   configuration superseded within the retention period justifies);
 * - `notJustified`: neither the current rules nor a recently superseded configuration could have
 *   asked for it (see {@link notJustified}).
 */
export type LevelVerdict =
  | { readonly kind: 'desired'; readonly operation: Operation }
  | {
      readonly kind: 'stale';
      readonly reason: string;
      /**
       * The item is gone but the provisioned state records it (a removal that already happened,
       * or an attach's intent whose request never went out): the record can go too.
       */
      readonly absent: boolean;
      /** The verdict depends on the rules (worth confirming against fresh ones). */
      readonly rulesDependent: boolean;
    }
  | {
      readonly kind: 'notJustified';
      readonly reason: string;
      /** An attach's unsent intent is on record for it (see {@link unsentAttachIntent}). */
      readonly absent?: boolean;
    };

/** The provisioned assignments of an account, standing for the live ones (policy operations). */
function provisionedAssignments(provisioned: ProvisionedAccountState): AssignmentKey[] {
  return provisioned.items.flatMap((item) =>
    item.kind === 'assignment'
      ? [
          {
            accountId: provisioned.accountId,
            permissionSetArn: item.permissionSetArn,
            principalType: item.principalType,
            principalId: item.principalId,
          },
        ]
      : [],
  );
}

/** What an operation does, whatever its spelling (a v1 `attachScp` is an SCP `attachPolicy`). */
function actionOf(operation: Operation): string {
  if (!('policyId' in operation)) return operation.type;
  return operation.type.startsWith('attach') ? 'attach' : 'detach';
}

/**
 * The policy types the level check reads for `operation`: its own type for an attach or detach
 * (the policies of that type, for their names, and the account's attachments of that type, for
 * presence and slots: types never share slots), none for an assignment operation (whose plan
 * does not depend on policies).
 */
export function policyTypesOfOperation(operation: Operation): PolicyType[] {
  return 'policyType' in operation ? [operation.policyType] : [];
}

/** `true` when `a` and `b` do the same thing to the same item (rule ids aside). */
export function sameOperation(a: Operation, b: Operation): boolean {
  if (actionOf(a) !== actionOf(b) || a.accountId !== b.accountId) return false;
  if ('policyId' in a && 'policyId' in b) return a.policyId === b.policyId;
  if ('permissionSetArn' in a && 'permissionSetArn' in b) {
    return (
      a.permissionSetArn === b.permissionSetArn &&
      a.principalType === b.principalType &&
      a.principalId === b.principalId
    );
  }
  return false;
}

/** Whether the operation's item exists on the account right now. */
function itemPresent(operation: Operation, snapshot: OrgSnapshot): boolean {
  if ('policyId' in operation) {
    return policyAttached(snapshot, operation.accountId, operation.policyId);
  }
  return (
    'permissionSetArn' in operation &&
    snapshot.assignments.some(
      (a) => a.accountId === operation.accountId && sameAssignment(a, operation),
    )
  );
}

async function judgeOnce(
  message: OperationMessage,
  deps: LevelCheckDependencies,
  reads: AccountReads,
): Promise<LevelVerdict> {
  const { operation } = message;
  const { accountId } = operation;
  const [config, view, provisioned] = await Promise.all([
    deps.rules.current(),
    deps.directoryView.current(),
    deps.provisionedState.getAccount(accountId),
  ]);
  // A status check only observes a request already sent: nothing to read from Organizations.
  const structure =
    message.pending !== undefined && !('policyId' in operation)
      ? undefined
      : await reads.structure(accountId, policyTypesOfOperation(operation));
  const names = {
    policies: structure?.policies ?? [],
    permissionSets: view.permissionSets,
    principals: view.principals,
  };
  const refusal = notJustified(operation, config, names);
  if (refusal !== null) {
    const absent = unsentAttachIntent(operation, structure, provisioned);
    const superseded = await supersededJustification(operation, deps.rules, names);
    if (superseded === undefined) return { kind: 'notJustified', reason: refusal, absent };
    // A status check only observes a request sent while those rules were current.
    if (message.pending !== undefined) return { kind: 'desired', operation };
    const reason = `justified by rules version ${superseded.version}, superseded (${refusal})`;
    return { kind: 'stale', reason, absent, rulesDependent: true };
  }
  const removes = isRemoval(operation);
  const managed = !removes || isManaged(operation, provisioned);
  // A status check only observes a request the worker already sent.
  if (message.pending !== undefined) {
    if (managed) return { kind: 'desired', operation };
    return settledRemoval(operation, deps);
  }
  const account = structure?.accounts.find((candidate) => candidate.id === accountId);
  if (structure === undefined || structure === null || account === undefined) {
    const reason = 'the account is not in the organization';
    return { kind: 'stale', reason, absent: false, rulesDependent: false };
  }
  const live =
    'permissionSetArn' in operation
      ? await deps.identityCenter.listAssignments(accountId, [operation.permissionSetArn])
      : provisionedAssignments(provisioned);
  const snapshot: OrgSnapshot = await withTagLedger(
    { ...structure, ...names, ...withManagedBy(structure.attachments, live, [provisioned]) },
    config,
    deps.tagLedger,
    [accountId],
  );
  const present = itemPresent(operation, snapshot);
  if (!managed) {
    // Removing what someone else made is refused; removing what is already gone is only stale
    // (a repeated removal whose record the first one dropped).
    return present
      ? { kind: 'notJustified', reason: UNMANAGED_REFUSAL }
      : { kind: 'stale', reason: 'the item is already gone', absent: false, rulesDependent: false };
  }
  // The same planning path as the processor's (planKnownEvent → planAccount), on the account as
  // it is now.
  const planner = Planner.create(snapshot, config);
  const planned = planner
    .planAccount(account)
    .operations.find((candidate) => sameOperation(candidate, operation));
  // A desired item found in place without a record of ours was made outside the product (the
  // worker records its intent before each attach or create request): it is left alone, below.
  const current = planned;
  if (current !== undefined) {
    // The message's operation, with the rule ids that justify it now.
    const ruleIds = 'ruleIds' in current ? current.ruleIds : [];
    return { kind: 'desired', operation: { ...operation, ruleIds } as Operation };
  }
  const rulesDependent = account.status === 'ACTIVE' && present === removes;
  const reason =
    account.status !== 'ACTIVE'
      ? `the account is ${account.status}`
      : removes
        ? present
          ? 'a current rule justifies the item again: it is kept'
          : 'the item is already gone'
        : present
          ? 'the item is already in place'
          : 'the current rules no longer ask for it on this account';
  // The item is gone but recorded: a removal that already happened, or an attach's unsent intent.
  const absent = (removes && !present) || unsentAttachIntent(operation, structure, provisioned);
  return { kind: 'stale', reason, absent, rulesDependent };
}

/**
 * Decides whether a queued operation runs (see {@link LevelVerdict}). The account is read once per
 * batch ({@link AccountReads}), the rules and the directory view come from their caches, the
 * provisioned state is read per operation; an assignment operation also lists the live
 * assignments of its permission set on the account (one Identity Center read).
 *
 * Organizations reads per account and batch (with the worker's Organizations adapter, which caches
 * the OU path for an hour — one `ListParents` per OU — and the root, the organization and the
 * policy lists for 5 minutes per container):
 * - `createAssignment` / `deleteAssignment`: 3 — the account's state, parent and tags
 *   (`DescribeAccount`, `ListParents`, `ListTagsForResource`); no policy is read;
 * - an attach or detach of type T: 4 — the same 3 and the account's policies of type T
 *   (`ListPoliciesForTarget` filtered by T), plus `ListPolicies` of T once per container;
 * - a status check of an assignment request already sent: 0 (it only observes the request);
 * - any further operation of the same account in the batch: 0, unless it needs a policy type the
 *   batch's read did not cover (then the account is read again, with both types).
 *
 * A verdict that
 * depends on the rules (refused, or no longer desired) is confirmed once against fresh rules and
 * directory view (`refreshCaches`); one that follows from the item's presence is not.
 *
 * @example
 * ```ts
 * const verdict = await judgeOperation(message, deps, new AccountReads(deps.organizations));
 * if (verdict.kind === 'desired') await executeOperation({ ...message, operation: verdict.operation }, deps);
 * ```
 */
export async function judgeOperation(
  message: OperationMessage,
  deps: LevelCheckDependencies,
  reads: AccountReads,
): Promise<LevelVerdict> {
  const first = await judgeOnce(message, deps, reads);
  const confirm = first.kind === 'notJustified' || (first.kind === 'stale' && first.rulesDependent);
  if (!confirm || deps.refreshCaches === undefined) return first;
  deps.refreshCaches();
  return judgeOnce(message, deps, reads);
}
