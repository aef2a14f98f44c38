import { notificationTriggersOf, type DomainEvent, type ParseOutcome } from '@org/event-schemas';
import {
  ACCOUNT_MUST_EXIST,
  accountToRead,
  compareOperations,
  ouNamesOf,
  planIgnoredOutcome,
  planKnownEvent,
  rereadEffect,
  type GovernanceConfig,
  type NotifyOperation,
  type OuNames,
  type Plan,
} from '@org/scope-engine';
import { AccountNotVisibleError } from '../errors';
import type { OrganizationsPort } from '../ports/organizations-port';

/** The port {@link planNotifications} reads. */
export interface PlanNotificationsDependencies {
  readonly organizations: Pick<OrganizationsPort, 'readAccountStructure'>;
}

/** A plan of `notify` operations only. */
export interface NotificationPlan extends Plan {
  readonly operations: readonly NotifyOperation[];
}

/** OU names of an event that concerns no account: every placeholder renders `unknown`. */
const NO_OU_NAMES: OuNames = ouNamesOf('', () => undefined);

/** The `notify` operations of a plan, in plan order. */
function notificationsOf(plan: Plan): NotificationPlan {
  const operations = plan.operations.filter((op): op is NotifyOperation => op.type === 'notify');
  return { ...plan, operations: operations.sort(compareOperations) };
}

/** `true` when a notification listens to the event (its type, or a vending's lifecycle). */
function listensTo(config: GovernanceConfig, event: DomainEvent): boolean {
  const triggers = notificationTriggersOf(event);
  return config.notifications.some((n) => n.on.some((on) => triggers.includes(on)));
}

/**
 * The vending notifier's planning: the `notify` operations of one event — what the engine's one
 * planning function ({@link planKnownEvent}) plans for it, without the SCP and assignment
 * operations (the org events processor plans those from the Organizations events of the same
 * account, and the reconciler repairs what they miss). The account is re-read from Organizations
 * (status, name, OU) only when a notification listens to the event; nothing else is read.
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
  if (outcome.kind === 'ignored') return notificationsOf(planIgnoredOutcome(outcome));
  const { event } = outcome;
  const unfinishedVending = event.type === 'ManagedAccountVended' && event.state !== 'SUCCEEDED';
  if (!unfinishedVending && !listensTo(config, event)) {
    const ref = { type: event.type, accountId: 'accountId' in event ? event.accountId : null };
    return { event: ref, operations: [], skipped: [], ignored: null };
  }
  const accountId = accountToRead(event);
  if (accountId === null) {
    return notificationsOf(
      planKnownEvent(event, rereadEffect(event, undefined), { config, ouNames: NO_OU_NAMES }),
    );
  }
  const structure = await deps.organizations.readAccountStructure(accountId);
  if (structure === null && ACCOUNT_MUST_EXIST.has(event.type)) {
    throw new AccountNotVisibleError(accountId, event.type);
  }
  const account = structure?.accounts.find((candidate) => candidate.id === accountId);
  const ouNames =
    structure === null
      ? NO_OU_NAMES
      : ouNamesOf(structure.rootId, (id) =>
          structure.organizationalUnits.find((ou) => ou.id === id),
        );
  return notificationsOf(planKnownEvent(event, rereadEffect(event, account), { config, ouNames }));
}
