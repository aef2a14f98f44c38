/**
 * The reference model: what SHOULD happen, said by the oracle (`@org/reference-planner`, a
 * separately written brute-force planner that shares no code with the engine), never by the
 * product's own use-cases. It keeps the organization as the world made it, with the items the
 * oracle's operations produced (each managed by the rules behind it), and per round plans:
 *
 * - an event round: the accounts the delivered events name, as they are after the round's changes
 *   (events are hints: the product re-reads the account), plus the notifications those events ask
 *   for (an account that is not ACTIVE, or a vending that did not succeed, notifies nobody);
 * - a rules change: the accounts whose desired state the new rules alter;
 * - a reconcile: every account.
 *
 * Scripted FAILED creations are part of the world: they do not take effect, and a later event or
 * reconcile plans them again.
 */
import { type DomainEvent, parseOrgEvent } from '@org/event-schemas';
import type { GovernanceConfig, NotifyOperation, Operation, OrgSnapshot } from '@org/scope-engine';
import type { AssignmentKey } from '@org/governance-runtime';
import {
  applyReferenceChanges,
  applyReferenceEvent,
  changedAccounts,
  referenceNotifications,
  referenceReconcile,
  type RefChange,
} from '@org/reference-planner';
import { operationKey } from '../edge/operation-key';
import type { WorldChange } from '../world/chaos-world';
import type { WorldState } from '../world/world-state';
import { type ExpectedNotification, type ModelRound, notificationKey } from './model-round';
import { asNotifyOperation, asOperation, engineItems } from './oracle-operations';
import { itemKeyOf } from './item-key';

/** A delivered event as the model plays it. */
export interface ModelDelivery {
  readonly eventId: string;
  readonly raw: unknown;
  /** The event reaches the org events processor (which plans SCP and assignment changes). */
  readonly processed: boolean;
  /** The event reaches the vending notifier (a notification listens to it). */
  readonly notified: boolean;
}

/** What the oracle says a round must do, before it is executed. */
export interface PlannedRound {
  readonly changes: readonly RefChange[];
  readonly notifications: readonly {
    readonly eventId: string;
    readonly operation: NotifyOperation;
  }[];
}

/**
 * The oracle's view of the run.
 *
 * @example
 * ```ts
 * const model = ReferenceModel.create(seededSnapshot, config);
 * const planned = model.planEvents([{ eventId, raw, processed: true, notified: false }]);
 * const expected = model.execute(1, planned, new Set());
 * ```
 */
export class ReferenceModel {
  private readonly supportCases = new Set<string>();

  private constructor(
    private state: OrgSnapshot,
    private current: GovernanceConfig,
  ) {}

  /** A model of a seeded organization (its `managedBy` is what the product made). */
  static create(snapshot: OrgSnapshot, config: GovernanceConfig): ReferenceModel {
    return new ReferenceModel(snapshot, config);
  }

  /** The configuration in force. */
  get config(): GovernanceConfig {
    return this.current;
  }

  /** The organization as the model holds it, with `managedBy`. */
  snapshot(): OrgSnapshot {
    return this.state;
  }

  /** Every item of the model's accounts with `managedBy` (see `readMotoItems`). */
  items(): OrgSnapshot {
    const accounts = new Set(this.state.accounts.map((a) => a.id));
    return {
      ...this.state,
      principals: [],
      attachments: this.state.attachments.filter((a) => accounts.has(a.targetId)),
      assignments: this.state.assignments.filter((a) => accounts.has(a.accountId)),
    };
  }

  /** `true` when the model's organization has this attachment. */
  hasAttachment(accountId: string, policyId: string): boolean {
    return this.state.attachments.some((a) => a.targetId === accountId && a.policyId === policyId);
  }

  /** `true` when the model's organization has this assignment. */
  hasAssignment(key: AssignmentKey): boolean {
    return this.state.assignments.some((a) => itemKeyOf(a) === itemKeyOf(key));
  }

  /** Takes over a world change: the new structure and the items that appeared by themselves. */
  applyWorldChange(world: WorldState, change: WorldChange): void {
    this.state = {
      ...world.structure(),
      attachments: [...this.state.attachments, ...change.attachments],
      assignments: [...this.state.assignments, ...change.assignments],
    };
  }

  private notificationsOf(event: DomainEvent): NotifyOperation[] {
    if (event.type === 'ManagedAccountVended' && event.state !== 'SUCCEEDED') return [];
    if (event.type === 'ManagedAccountVended' && event.accountId === null) return [];
    const accountId = 'accountId' in event ? event.accountId : null;
    const account = this.state.accounts.find((a) => a.id === accountId);
    if (accountId !== null && account?.status !== 'ACTIVE') return [];
    return referenceNotifications(this.current, this.state, event, account).map(asNotifyOperation);
  }

  /** What the distinct events of a round ask for, against the organization after the round's changes. */
  planEvents(deliveries: readonly ModelDelivery[]): PlannedRound {
    const accounts = new Set<string>();
    const notifications: { eventId: string; operation: NotifyOperation }[] = [];
    for (const delivery of deliveries) {
      const outcome = parseOrgEvent(delivery.raw);
      if (outcome.kind !== 'event') continue;
      // The account whose items the event can change, as the oracle applies the event (an
      // account the organization lacks plans nothing).
      const { accountId } = applyReferenceEvent(this.state, outcome.event);
      if (delivery.processed && accountId !== null) accounts.add(accountId);
      if (delivery.notified) {
        for (const operation of this.notificationsOf(outcome.event)) {
          notifications.push({ eventId: delivery.eventId, operation });
        }
      }
    }
    const plan = referenceReconcile(this.state, this.current, [...accounts]);
    return { changes: plan.operations, notifications };
  }

  /** A new configuration (`orgctl rules apply`): the accounts whose desired state it alters. */
  planRulesChange(config: GovernanceConfig): PlannedRound {
    const accounts = changedAccounts(this.state, this.current, config);
    this.current = config;
    return {
      changes: referenceReconcile(this.state, config, accounts).operations,
      notifications: [],
    };
  }

  /** A reconcile of every account. */
  planReconcile(): PlannedRound {
    return { changes: referenceReconcile(this.state, this.current).operations, notifications: [] };
  }

  /** The item keys (`account#arn#type#principal`) of the creations a planned round would make. */
  static creations(planned: PlannedRound): string[] {
    const keys = planned.changes
      .map(asOperation)
      .filter(
        (op): op is Extract<Operation, { type: 'createAssignment' }> =>
          op.type === 'createAssignment',
      )
      .map(itemKeyOf);
    return [...new Set(keys)];
  }

  /** Takes a planned round into the model; `failing` creations end FAILED and change nothing. */
  execute(round: number, planned: PlannedRound, failing: ReadonlySet<string>): ModelRound {
    const changes = new Map<string, Operation>();
    const failed = new Map<string, Operation>();
    const effective: RefChange[] = [];
    for (const change of planned.changes) {
      const operation = asOperation(change);
      const key = operationKey(operation);
      if (key === null || changes.has(key) || failed.has(key)) continue;
      const fails = operation.type === 'createAssignment' && failing.has(itemKeyOf(operation));
      if (fails) failed.set(key, operation);
      else {
        changes.set(key, operation);
        effective.push(change);
      }
    }
    this.state = { ...this.state, ...engineItems(applyReferenceChanges(this.state, effective)) };
    const notifications: ExpectedNotification[] = [];
    const seen = new Set<string>();
    for (const { eventId, operation } of planned.notifications) {
      const key = notificationKey(eventId, operation);
      if (seen.has(key) || this.supportCases.has(key)) continue;
      seen.add(key);
      if (operation.targetType === 'supportCase') this.supportCases.add(key);
      notifications.push({ key, eventId, operation });
    }
    return { round, changes, failed, notifications };
  }
}
