import type { ParseOutcome } from '@org/event-schemas';
import {
  applyEvent,
  type GovernanceConfig,
  type NotifyOperation,
  type Operation,
  type OrgSnapshot,
} from '@org/scope-engine';
import { planNotifications, processEvent, staticRulesSource } from '../../src';
import {
  InMemoryAuditLog,
  InMemoryOperationQueue,
  InMemoryOrganization,
  InMemoryProvisionedState,
  VirtualClock,
} from '../../src/testing';

/** A parser outcome that is not an error. */
export type Outcome = Exclude<ParseOutcome, { kind: 'error' }>;

/** What the deployed use-cases did with one event. */
export interface DeployedPlan {
  /** Operations `processEvent` says it sent to the queue. */
  readonly enqueued: readonly Operation[];
  /** What the queue holds afterwards. */
  readonly queued: readonly Operation[];
  /** `notify` operations `processEvent` returned. */
  readonly processorNotifications: readonly NotifyOperation[];
  /** `notify` operations the vending notifier's `planNotifications` planned. */
  readonly notifierNotifications: readonly NotifyOperation[];
}

/**
 * The provisioned state a snapshot implies: every item with `managedBy` was created by the
 * product for those rules.
 */
export async function provisionedStateOf(snapshot: OrgSnapshot): Promise<InMemoryProvisionedState> {
  const state = new InMemoryProvisionedState();
  const accounts = new Set(snapshot.accounts.map((a) => a.id));
  for (const { targetId, policyId, managedBy } of snapshot.attachments) {
    if (managedBy === undefined || !accounts.has(targetId)) continue;
    await state.recordApplied(targetId, {
      kind: 'attachment',
      policyId,
      ruleIds: managedBy,
      tagKeys: [],
    });
  }
  for (const { accountId, managedBy, ...key } of snapshot.assignments) {
    if (managedBy === undefined) continue;
    await state.recordApplied(accountId, {
      kind: 'assignment',
      ...key,
      ruleIds: managedBy,
      tagKeys: [],
    });
  }
  return state;
}

/**
 * Runs the deployed use-cases on in-memory ports seeded from `snapshot`: the live organization is
 * the snapshot with the event applied (the event has happened when it is delivered), the
 * provisioned state is what its `managedBy` says, Identity Center and the directory are read live.
 */
export async function deployedPlan(
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
  outcome: Outcome,
): Promise<DeployedPlan> {
  const live = outcome.kind === 'event' ? applyEvent(snapshot, outcome.event) : snapshot;
  const organization = new InMemoryOrganization(live);
  const queue = new InMemoryOperationQueue();
  const result = await processEvent(outcome, {
    organizations: organization,
    identityCenter: organization,
    directory: organization,
    provisionedState: await provisionedStateOf(live),
    rules: staticRulesSource(config),
    queue,
    audit: new InMemoryAuditLog(),
    clock: new VirtualClock(Date.parse('2026-01-01T00:00:00Z')),
  });
  const notifier = await planNotifications(outcome, config, { organizations: organization });
  return {
    enqueued: result.enqueued,
    queued: queue.peek().map((message) => message.operation),
    processorNotifications: result.notifications,
    notifierNotifications: notifier.operations,
  };
}
