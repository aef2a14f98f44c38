import type { DomainEvent, ParseOutcome } from '@org/event-schemas';
import type { GovernanceConfig, OrgSnapshot, Plan, PlanEventRef } from '@org/scope-engine';
import { compareOperations, notifyOperations, Planner } from '@org/scope-engine';
import { AccountNotVisibleError } from '../errors';
import { type AccountSnapshotReaders, readAccountSnapshot } from '../state/read-account-snapshot';
import { ACCOUNT_MUST_EXIST, accountToRead } from './account-to-read';

/** A snapshot with nothing in it, for events that concern no account. */
const EMPTY_SNAPSHOT: OrgSnapshot = {
  managementAccountId: '',
  rootId: '',
  organizationalUnits: [],
  accounts: [],
  policies: [],
  permissionSets: [],
  principals: [],
  attachments: [],
  assignments: [],
};

/** The plan of an account event, from the account as re-read now. */
function planFreshAccount(
  event: DomainEvent,
  accountId: string,
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
): Plan {
  const ref: PlanEventRef = { type: event.type, accountId };
  const account = snapshot.accounts.find((candidate) => candidate.id === accountId);
  if (account === undefined) {
    return { event: ref, operations: [], skipped: [], ignored: 'AccountNotInOrganization' };
  }
  const diff = Planner.create(snapshot, config).planAccount(account);
  const ouNames = {
    rootId: snapshot.rootId,
    ouName: (id: string) => snapshot.organizationalUnits.find((ou) => ou.id === id)?.name,
  };
  const notify =
    account.status === 'ACTIVE' ? notifyOperations(event, account, config, ouNames) : [];
  return {
    event: ref,
    operations: [...diff.operations, ...notify].sort(compareOperations),
    skipped: diff.skipped,
    ignored: null,
  };
}

/**
 * Plans one parsed event in the deployed system. Events are hints (delivered best effort): the account is
 * re-read now (parent, tags, status) and planned as it *is*, so a late or out-of-order event
 * cannot undo a newer change; the event still decides whether anything happens (ignored events,
 * failed vendings) and which notifications fire. Events that concern no live account
 * (OU created, account creation failed, account removed) are planned by the engine directly.
 *
 * @throws {AccountNotVisibleError} (retryable) when an account that must exist after the event
 *   (created, joined, vended) is not visible yet.
 * @example
 * ```ts
 * const plan = await planEvent(parseOrgEvent(raw), config, readers);
 * ```
 */
export async function planEvent(
  outcome: Exclude<ParseOutcome, { kind: 'error' }>,
  config: GovernanceConfig,
  readers: AccountSnapshotReaders,
): Promise<Plan> {
  if (outcome.kind === 'ignored') {
    return Planner.create(EMPTY_SNAPSHOT, config).planForOutcome(outcome);
  }
  const { event } = outcome;
  const accountId = accountToRead(event);
  if (accountId === null) {
    return Planner.create(EMPTY_SNAPSHOT, config).planForEvent(event);
  }
  const snapshot = await readAccountSnapshot(accountId, config, readers);
  if (snapshot === null && ACCOUNT_MUST_EXIST.has(event.type)) {
    throw new AccountNotVisibleError(accountId, event.type);
  }
  return planFreshAccount(event, accountId, snapshot ?? EMPTY_SNAPSHOT, config);
}
