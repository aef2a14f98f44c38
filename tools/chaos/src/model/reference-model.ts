/**
 * The reference model: the same pipeline use-cases (processEvent, applyRules, reconcile,
 * executeOperation) run over in-memory ports, one step at a time, with no faults. What it applies
 * is what the chaos run is expected to apply: "the operations the engine plans for the event
 * sequence without faults". Scripted FAILED creations are part of the world, so the model sees
 * them too.
 */
import { parseOrgEvent } from '@org/event-schemas';
import {
  applyRules,
  type AssignmentKey,
  executeOperation,
  type FailureReport,
  type GovernanceConfig,
  IdentityCenterQuota,
  InMemoryAuditLog,
  InMemoryOperationQueue,
  InMemoryOrganization,
  InMemoryProvisionedState,
  InMemoryQuotaStore,
  type NotifyOperation,
  type Operation,
  type OperationMessage,
  type OrgSnapshot,
  processEvent,
  readFullSnapshot,
  reconcile,
  staticRulesSource,
  DEFAULT_ASSIGNMENT_POLLING,
  EMPTY_DIRECTORY_VIEW,
  InMemoryDirectoryViewStore,
  planNotifications,
  withManagedBy,
} from '@org/scope-engine';
import { operationKey } from '../edge/operation-key';
import { recordManagedItems } from '../world/managed-items';
import type { WorldChange } from '../world/chaos-world';
import type { WorldState } from '../world/world-state';
import { InstantClock } from './instant-clock';
import { itemKeyOf, scriptedIdentityCenter } from './scripted-identity-center';
import { type ExpectedNotification, type ModelRound, notificationKey } from './model-round';

/** A delivered event as the model plays it. */
export interface ModelDelivery {
  readonly eventId: string;
  readonly raw: unknown;
  /** The event reaches the org events processor (which plans SCP and assignment changes). */
  readonly processed: boolean;
  /** The event reaches the vending notifier (a notification listens to it). */
  readonly notified: boolean;
}

/** What planning a round queued, before it is executed. */
export interface PlannedRound {
  readonly messages: readonly OperationMessage[];
  readonly notifications: readonly {
    readonly eventId: string;
    readonly operation: NotifyOperation;
  }[];
}

/**
 * The fault-free pipeline on in-memory ports.
 *
 * @example
 * ```ts
 * const model = await ReferenceModel.create(seededSnapshot, config);
 * const planned = await model.planEvents([{ eventId, raw, notified: false }]);
 * const expected = await model.execute(1, planned, new Set());
 * ```
 */
export class ReferenceModel {
  private org: InMemoryOrganization;
  private readonly provisioned = new InMemoryProvisionedState();
  private readonly clock = new InstantClock(Date.parse('2026-11-01T00:00:00Z'));
  private readonly quota = new IdentityCenterQuota(new InMemoryQuotaStore(), this.clock);
  private readonly supportCases = new Set<string>();
  private readonly audit = new InMemoryAuditLog();
  /** The directory view the reconciler and rules apply keep, and the processor plans with. */
  private readonly directoryViews = new InMemoryDirectoryViewStore();
  private rulesVersion = 1;
  /** Failure reports the model's pipeline made (scripted FAILED creations). */
  readonly failures: FailureReport[] = [];

  private constructor(
    initial: OrgSnapshot,
    private current: GovernanceConfig,
  ) {
    this.org = new InMemoryOrganization(initial);
  }

  /** A model of a seeded organization; `managedBy` becomes the model's provisioned state. */
  static async create(snapshot: OrgSnapshot, config: GovernanceConfig): Promise<ReferenceModel> {
    const model = new ReferenceModel(snapshot, config);
    await recordManagedItems(model.provisioned, snapshot, config);
    return model;
  }

  /** The configuration in force. */
  get config(): GovernanceConfig {
    return this.current;
  }

  /** The organization as the model holds it, with `managedBy` from its provisioned state. */
  async snapshot(): Promise<OrgSnapshot> {
    return (await readFullSnapshot(this.current, this.readers())).snapshot;
  }

  /** Every item of the model's organization with `managedBy` (see `readMotoItems`). */
  async items(): Promise<OrgSnapshot> {
    const now = this.org.snapshot();
    const accounts = new Set(now.accounts.map((a) => a.id));
    const attachments = now.attachments.filter((a) => accounts.has(a.targetId));
    return {
      ...now,
      principals: [],
      ...withManagedBy(attachments, now.assignments, await this.provisioned.listAll()),
    };
  }

  /** `true` when the model's organization has this attachment. */
  hasAttachment(accountId: string, policyId: string): boolean {
    return this.org
      .snapshot()
      .attachments.some((a) => a.targetId === accountId && a.policyId === policyId);
  }

  /** `true` when the model's organization has this assignment. */
  hasAssignment(key: AssignmentKey): boolean {
    return this.org.snapshot().assignments.some((a) => itemKeyOf(a) === itemKeyOf(key));
  }

  /** Takes over a world change: the new structure and the items that appeared by themselves. */
  applyWorldChange(world: WorldState, change: WorldChange): void {
    const now = this.org.snapshot();
    this.org = new InMemoryOrganization({
      ...world.structure(),
      attachments: [...now.attachments, ...change.attachments],
      assignments: [...now.assignments, ...change.assignments],
    });
  }

  private readers() {
    return {
      organizations: this.org,
      identityCenter: this.org,
      directory: this.org,
      provisionedState: this.provisioned,
    };
  }

  private planDeps(queue: InMemoryOperationQueue) {
    return {
      ...this.readers(),
      directoryViews: this.directoryViews,
      rules: staticRulesSource(this.current),
      queue,
      audit: this.audit,
      clock: this.clock,
    };
  }

  /** What the org events processor reads: Organizations, the stored view, the provisioned state. */
  private processorDeps(queue: InMemoryOperationQueue) {
    const views = this.directoryViews;
    return {
      organizations: this.org,
      directoryView: { current: async () => (await views.load()) ?? EMPTY_DIRECTORY_VIEW },
      provisionedState: this.provisioned,
      rules: staticRulesSource(this.current),
      queue,
      audit: this.audit,
      clock: this.clock,
    };
  }

  /**
   * Plans the distinct events of a round, in delivery order, against the state at its start: the
   * processor's SCP and assignment operations, the notifier's notifications.
   */
  async planEvents(deliveries: readonly ModelDelivery[]): Promise<PlannedRound> {
    const queue = new InMemoryOperationQueue();
    const notifications: { eventId: string; operation: NotifyOperation }[] = [];
    for (const delivery of deliveries) {
      const outcome = parseOrgEvent(delivery.raw);
      if (outcome.kind === 'error') continue;
      if (delivery.processed) await processEvent(outcome, this.processorDeps(queue));
      if (delivery.notified) {
        const plan = await planNotifications(outcome, this.current, { organizations: this.org });
        for (const operation of plan.operations) {
          notifications.push({ eventId: delivery.eventId, operation });
        }
      }
    }
    return { messages: queue.drain(), notifications };
  }

  /** Stores a new configuration through `applyRules` (the accounts it changes are reconciled). */
  async planRulesChange(config: GovernanceConfig, runId: string): Promise<PlannedRound> {
    const queue = new InMemoryOperationQueue();
    const version = this.rulesVersion;
    const previous = this.current;
    await applyRules(
      config,
      {
        ...this.readers(),
        directoryViews: this.directoryViews,
        queue,
        audit: this.audit,
        clock: this.clock,
        rulesRepository: {
          load: async () => ({ config: previous, version, updatedAt: '2026-11-01T00:00:00Z' }),
          save: async () => version + 1,
        },
      },
      { runId, updatedAt: new Date(this.clock.now()).toISOString() },
    );
    this.current = config;
    this.rulesVersion += 1;
    return { messages: queue.drain(), notifications: [] };
  }

  /** The scheduled reconcile. */
  async planReconcile(runId: string): Promise<PlannedRound> {
    const queue = new InMemoryOperationQueue();
    await reconcile(this.planDeps(queue), { runId });
    return { messages: queue.drain(), notifications: [] };
  }

  /** The item keys (`account#arn#type#principal`) of the creations a planned round would make. */
  static creations(planned: PlannedRound): string[] {
    const keys = planned.messages
      .map((m) => m.operation)
      .filter(
        (op): op is Extract<Operation, { type: 'createAssignment' }> =>
          op.type === 'createAssignment',
      )
      .map(itemKeyOf);
    return [...new Set(keys)];
  }

  /** Executes a planned round's queue; `failing` creations end FAILED. */
  async execute(
    round: number,
    planned: PlannedRound,
    failing: ReadonlySet<string>,
  ): Promise<ModelRound> {
    const queue = new InMemoryOperationQueue();
    const deps = {
      organizations: this.org,
      identityCenter: scriptedIdentityCenter(this.org, failing),
      provisionedState: this.provisioned,
      audit: this.audit,
      queue,
      failures: { report: async (failure: FailureReport) => void this.failures.push(failure) },
      quota: this.quota,
      rules: staticRulesSource(this.current),
      clock: this.clock,
      polling: DEFAULT_ASSIGNMENT_POLLING,
    };
    const changes = new Map<string, Operation>();
    const failed = new Map<string, Operation>();
    for (const message of planned.messages) {
      const result = await executeOperation(message, deps);
      const key = operationKey(message.operation);
      if (key === null) continue;
      if (result.status === 'applied') changes.set(key, message.operation);
      if (result.status === 'failed') failed.set(key, message.operation);
    }
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
