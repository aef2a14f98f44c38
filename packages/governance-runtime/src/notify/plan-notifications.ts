import type { ParseOutcome } from '@org/event-schemas';
import type { GovernanceConfig, NotifyOperation, Plan, PlanEventRef } from '@org/scope-engine';
import { compareOperations, notifyOperations, type OuNames } from '@org/scope-engine';
import type { OrganizationsPort, OrgStructure } from '../ports/organizations-port';
import { AccountNotVisibleError } from '../errors';
import { ACCOUNT_MUST_EXIST, accountToRead } from '../process/account-to-read';

/** The port {@link planNotifications} reads. */
export interface PlanNotificationsDependencies {
  readonly organizations: Pick<OrganizationsPort, 'readAccountStructure'>;
}

/** A plan of `notify` operations only. */
export interface NotificationPlan extends Plan {
  readonly operations: readonly NotifyOperation[];
}

/** OU names of an event that concerns no account: every placeholder renders `unknown`. */
const NO_OU_NAMES: OuNames = { rootId: '', ouName: () => undefined };

/** OU names from a structure read (the root renders as `Root`). */
function ouNamesOf(structure: OrgStructure): OuNames {
  return {
    rootId: structure.rootId,
    ouName: (id) => structure.organizationalUnits.find((ou) => ou.id === id)?.name,
  };
}

/** A plan of notifications only. */
function notificationPlan(
  event: PlanEventRef,
  operations: readonly NotifyOperation[],
  ignored: string | null = null,
): NotificationPlan {
  return { event, operations: [...operations].sort(compareOperations), skipped: [], ignored };
}

/**
 * The vending notifier's planning: the `notify` operations of one event — the same as
 * {@link planEvent} plans, without its SCP and assignment operations (the org events processor
 * plans those from the Organizations events of the same account, and the reconciler repairs what
 * they miss). The account is re-read from Organizations (status, name, OU) only when a
 * notification listens to the event; nothing else is read.
 *
 * @throws {AccountNotVisibleError} (retryable) when an account that must exist after the event
 *   (created, joined, vended) is not visible yet.
 * @example
 * ```ts
 * const plan = await planNotifications(parseOrgEvent(raw), config, { organizations });
 * await sendNotifications(eventId, plan.operations, config, notifyDeps);
 * ```
 */
export async function planNotifications(
  outcome: Exclude<ParseOutcome, { kind: 'error' }>,
  config: GovernanceConfig,
  deps: PlanNotificationsDependencies,
): Promise<NotificationPlan> {
  if (outcome.kind === 'ignored') {
    const ref = { type: outcome.eventName ?? 'unknown', accountId: null };
    return notificationPlan(ref, [], outcome.reason);
  }
  const { event } = outcome;
  const ref: PlanEventRef = {
    type: event.type,
    accountId: 'accountId' in event ? event.accountId : null,
  };
  if (event.type === 'ManagedAccountVended' && event.state !== 'SUCCEEDED') {
    return notificationPlan(
      ref,
      [],
      event.state === 'FAILED' ? 'VendingFailed' : 'VendingInProgress',
    );
  }
  if (!config.notifications.some((n) => (n.on as readonly string[]).includes(event.type))) {
    return notificationPlan(ref, []);
  }
  const accountId = accountToRead(event);
  if (accountId === null) {
    if (event.type === 'ManagedAccountVended') return notificationPlan(ref, [], 'NotAnAccount');
    return notificationPlan(ref, notifyOperations(event, undefined, config, NO_OU_NAMES));
  }
  const structure = await deps.organizations.readAccountStructure(accountId);
  if (structure === null && ACCOUNT_MUST_EXIST.has(event.type)) {
    throw new AccountNotVisibleError(accountId, event.type);
  }
  const account = structure?.accounts.find((candidate) => candidate.id === accountId);
  if (structure === null || account === undefined) {
    return notificationPlan(ref, [], 'AccountNotInOrganization');
  }
  if (account.status !== 'ACTIVE') return notificationPlan(ref, []);
  return notificationPlan(ref, notifyOperations(event, account, config, ouNamesOf(structure)));
}
