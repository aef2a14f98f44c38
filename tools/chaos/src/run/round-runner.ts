/**
 * Runs the rounds of a chaos run, each first through the reference model (what must happen) and
 * then through the product (what happens under faults): event rounds, rule changes
 * (`orgctl rules apply`), and the scheduled reconcile at the end.
 */
import { applyRules, describeError, type GovernanceConfig } from '@org/scope-engine';
import type { OperationsWorkerHandler } from '@org/handlers';
import {
  deployNotifier,
  deployProcessor,
  deployReconciler,
  deployWorker,
  type Deployed,
} from '../deployment/product-functions';
import { rulesApplyDependencies } from '../deployment/rules-apply';
import type { ModelRound } from '../model/model-round';
import { type PlannedRound, ReferenceModel } from '../model/reference-model';
import { ASYNC_RETRY_DELAYS_MS, invokeAsync, routeEvent } from '../runtime/event-bus';
import { chaosLambdaContext } from '../runtime/lambda-context';
import { type DrainStats, drainQueue } from '../runtime/queue-driver';
import type { RoundWindow } from '../verify/round-audit';
import type { GeneratedEvent, WorldChange } from '../world/chaos-world';
import type { EventKind } from '../world/event-script';
import { governanceVersion } from '../world/governance-versions';
import { type ChaosSetup, RULES_CACHE_TTL_MS } from './chaos-setup';
import { distinctEvents, planDeliveries } from './deliveries';

/** Product time a worker invocation may run (Lambda's maximum). */
const WORKER_TIMEOUT_MS = 900_000;
/** How long a failed-back or crashed record stays invisible, product time. */
const VISIBILITY_TIMEOUT_MS = 10_000;
/** How often the operator runs `orgctl rules apply` before giving up. */
const RULES_APPLY_ATTEMPTS = 5;
/** Scheduled reconciles tried (one a day) before the run gives up on drift repair. */
const RECONCILE_SCHEDULES = 3;
/** Probability that a round has a scripted FAILED creation (when it creates any). */
const FAILED_ROUND_RATE = 0.12;

/** What one round did. */
export interface RoundSummary {
  readonly round: number;
  readonly kind: 'events' | 'ruleChange' | 'reconcile';
  readonly events: number;
  readonly deliveries: number;
  readonly duplicates: number;
  readonly late: number;
  readonly model: ModelRound;
  readonly drain: DrainStats;
  /** Deliveries that failed every asynchronous attempt (to the failed-events queue). */
  readonly deadLettered: readonly string[];
  /** Deliveries that needed an asynchronous retry. */
  readonly retriedDeliveries: number;
  /** Why invocations failed (each failed attempt). */
  readonly retryReasons: readonly string[];
  /** Extra `orgctl rules apply` runs after a failed one. */
  readonly rulesApplyRetries: number;
  /** Event ids and run ids whose audit entries belong to the round. */
  readonly auditIds: readonly string[];
  /** Real milliseconds spent delivering events (or applying rules / reconciling) and draining. */
  readonly timing: { readonly deliverMs: number; readonly drainMs: number };
}

/**
 * The rounds of one run.
 *
 * @example
 * ```ts
 * const runner = new RoundRunner(setup);
 * await runner.eventRound(['create', 'move']);
 * await runner.ruleChange();
 * await runner.reconcile();
 * ```
 */
export class RoundRunner {
  private round = 0;
  private version = 0;
  private readonly history: GeneratedEvent[] = [];
  private readonly deliveryRandom;
  private readonly failureRandom;
  private readonly crashRandom;
  private readonly silentRandom;
  private failuresScripted = 0;
  readonly windows: RoundWindow[] = [];
  readonly summaries: RoundSummary[] = [];
  /** Deliveries of operations to workers: round → operation key → count. */
  readonly deliveries = new Map<number, Map<string, number>>();
  private config: GovernanceConfig;

  constructor(
    private readonly setup: ChaosSetup,
    /** The round from which a FAILED creation is forced if none was scripted yet. */
    private readonly forceFailureFrom: number,
  ) {
    this.deliveryRandom = setup.random.fork('deliveries');
    this.failureRandom = setup.random.fork('failures');
    this.crashRandom = setup.random.fork('crashes');
    this.silentRandom = setup.random.fork('silent');
    this.config = setup.initialConfig;
  }

  /** The configuration in force. */
  get currentConfig(): GovernanceConfig {
    return this.config;
  }

  private begin(): number {
    this.round += 1;
    this.setup.edge.round = this.round;
    this.setup.world.round = this.round;
    return this.round;
  }

  private async change(kind: EventKind): Promise<WorldChange> {
    const world = this.setup.world;
    switch (kind) {
      case 'create':
        return world.createAccount();
      case 'invite':
        return world.inviteAccount();
      case 'vend':
        return world.vendAccount();
      case 'revend':
        return world.revendAccount();
      case 'createFailed':
        return world.createAccountFailed();
      case 'move':
        return world.moveAccount();
      case 'tagApi':
        return world.tagAccount('api');
      case 'tagChange':
        return world.tagAccount('tagChange');
      case 'untagApi':
        return world.untagAccount('api');
      case 'untagChange':
        return world.untagAccount('tagChange');
      case 'createOu':
        return world.createOrganizationalUnit();
      case 'failedCall':
        return world.failedCall();
      case 'ruleChange':
        throw new RangeError('rule changes are rounds of their own');
    }
  }

  /** Scripts a FAILED creation for some rounds (always one by `forceFailureFrom`). */
  private scriptFailures(round: number, planned: PlannedRound): Set<string> {
    const creations = ReferenceModel.creations(planned);
    const force = this.failuresScripted === 0 && round >= this.forceFailureFrom;
    if (creations.length === 0 || !(force || this.failureRandom.chance(FAILED_ROUND_RATE))) {
      return new Set();
    }
    const key = this.failureRandom.pick(creations);
    this.setup.script.failCreation(round, key);
    this.failuresScripted += 1;
    return new Set([key]);
  }

  private drain(round: number): Promise<DrainStats> {
    const { setup } = this;
    const counts = new Map<string, number>();
    this.deliveries.set(round, counts);
    return drainQueue({
      sqs: setup.moto.sqs,
      queueUrl: setup.resources.operationsQueueUrl,
      queueArn: setup.resources.operationsQueueArn,
      workers: setup.options.workers,
      crashRate: setup.options.faultRate / 4,
      random: this.crashRandom,
      clock: setup.clock,
      timeoutMs: WORKER_TIMEOUT_MS,
      visibilityTimeoutMs: VISIBILITY_TIMEOUT_MS,
      deploy: (): Deployed<OperationsWorkerHandler> => deployWorker(setup.env),
      onDelivery: (key) => counts.set(key, (counts.get(key) ?? 0) + 1),
    });
  }

  /** Delivers events to the processor / notifier, `deliveries` at once, each with async retries. */
  private async deliver(events: readonly GeneratedEvent[]): Promise<{
    deadLettered: string[];
    retried: number;
    retryReasons: string[];
  }> {
    const { setup } = this;
    const deadLettered: string[] = [];
    const retryReasons: string[] = [];
    let retried = 0;
    let next = 0;
    const slot = async () => {
      const processor = deployProcessor(setup.env);
      const notifier = deployNotifier(setup.env);
      while (next < events.length) {
        const event = events[next] as GeneratedEvent;
        next += 1;
        const outcomes = await Promise.all(
          routeEvent(event.raw, this.config).map((target) =>
            invokeAsync(
              target === 'processor' ? processor.handler : notifier.handler,
              event.raw,
              () => chaosLambdaContext(target, 60_000, setup.clock),
              setup.clock,
            ),
          ),
        );
        for (const outcome of outcomes) {
          if (outcome.attempts > 1) retried += 1;
          for (const error of outcome.errors) retryReasons.push(describeError(error));
          if (!outcome.ok) {
            deadLettered.push(
              `${event.id} (${event.label}): ${outcome.errors.map(describeError).join(' / ')}`,
            );
          }
        }
      }
    };
    await Promise.all(Array.from({ length: setup.options.deliveries }, slot));
    return { deadLettered, retried, retryReasons };
  }

  private finish(
    summary: Omit<RoundSummary, 'round'>,
    round: number,
    startMs: number,
  ): RoundSummary {
    this.windows.push({ round, startMs, endMs: this.setup.clock.now() + 1 });
    const full = { round, ...summary };
    this.summaries.push(full);
    return full;
  }

  /** A round of organization events. */
  async eventRound(kinds: readonly EventKind[]): Promise<RoundSummary> {
    const { setup } = this;
    const round = this.begin();
    const startMs = setup.clock.now();
    const events: GeneratedEvent[] = [];
    for (const kind of kinds) {
      const change = await this.change(kind);
      setup.model.applyWorldChange(setup.world.state, change);
      events.push(...change.events);
    }
    if (this.silentRandom.chance(0.15)) {
      const change = await setup.world.manualItem(setup.model);
      setup.model.applyWorldChange(setup.world.state, change);
    }
    const plan = planDeliveries(events, this.history, this.deliveryRandom);
    this.history.push(...events);
    const distinct = distinctEvents(plan.deliveries);
    const planned = await setup.model.planEvents(
      distinct.map((event) => {
        const targets = routeEvent(event.raw, this.config);
        return {
          eventId: event.id,
          raw: event.raw,
          processed: targets.includes('processor'),
          notified: targets.includes('notifier'),
        };
      }),
    );
    const model = await setup.model.execute(round, planned, this.scriptFailures(round, planned));
    const deliverStarted = Date.now();
    const delivered = await this.deliver(plan.deliveries);
    const drainStarted = Date.now();
    const drain = await this.drain(round);
    const timing = { deliverMs: drainStarted - deliverStarted, drainMs: Date.now() - drainStarted };
    return this.finish(
      {
        kind: 'events',
        events: events.length,
        deliveries: plan.deliveries.length,
        duplicates: plan.duplicates,
        late: plan.late,
        model,
        drain,
        deadLettered: delivered.deadLettered,
        retriedDeliveries: delivered.retried,
        retryReasons: delivered.retryReasons,
        rulesApplyRetries: 0,
        auditIds: distinct.map((event) => event.id),
        timing,
      },
      round,
      startMs,
    );
  }

  /** `orgctl rules apply` with the next governance version (re-run by the operator if it fails). */
  async ruleChange(): Promise<RoundSummary> {
    const { setup } = this;
    const round = this.begin();
    const startMs = setup.clock.now();
    this.version += 1;
    const config = governanceVersion(
      this.version,
      setup.random.fork(`rules-${this.version}`),
      setup.targets,
    );
    const runId = `rules-apply-${this.version}`;
    const planned = await setup.model.planRulesChange(config, runId);
    const model = await setup.model.execute(round, planned, this.scriptFailures(round, planned));
    const applyStarted = Date.now();
    let retries = 0;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await applyRules(config, rulesApplyDependencies(setup.rulesApply), {
          runId,
          updatedAt: new Date(setup.clock.now()).toISOString(),
        });
        break;
      } catch (error) {
        if (attempt >= RULES_APPLY_ATTEMPTS) throw error;
        retries += 1;
        await setup.clock.sleep(ASYNC_RETRY_DELAYS_MS[0] ?? 60_000);
      }
    }
    this.config = config;
    setup.clock.advance(RULES_CACHE_TTL_MS + 1000);
    const drainStarted = Date.now();
    const drain = await this.drain(round);
    const timing = { deliverMs: drainStarted - applyStarted, drainMs: Date.now() - drainStarted };
    return this.finish(
      {
        kind: 'ruleChange',
        events: 1,
        deliveries: 0,
        duplicates: 0,
        late: 0,
        model,
        drain,
        deadLettered: [],
        retriedDeliveries: 0,
        retryReasons: [],
        rulesApplyRetries: retries,
        auditIds: [runId],
        timing,
      },
      round,
      startMs,
    );
  }

  /**
   * A reconcile (the construct's schedule, or on demand after the deploy): drift repair is part
   * of the contract (SPEC §2), and it stores the directory view the processor plans with.
   */
  async reconcile(label = 'scheduled reconcile'): Promise<RoundSummary> {
    const { setup } = this;
    const round = this.begin();
    const startMs = setup.clock.now();
    const runIds: string[] = [];
    const planned = await setup.model.planReconcile('reconcile-model');
    const model = await setup.model.execute(round, planned, new Set());
    const reconcileStarted = Date.now();
    const reconciler = deployReconciler(setup.env);
    let schedules = 0;
    let outcome;
    do {
      schedules += 1;
      outcome = await invokeAsync(
        reconciler.handler,
        { 'detail-type': 'Scheduled Event' },
        () => {
          const context = chaosLambdaContext('reconciler', 900_000, setup.clock);
          runIds.push(`reconcile-${context.awsRequestId}`);
          return context;
        },
        setup.clock,
      );
      // A failed run is retried by the next day's schedule.
    } while (!outcome.ok && schedules < RECONCILE_SCHEDULES);
    const drainStarted = Date.now();
    const drain = await this.drain(round);
    const timing = {
      deliverMs: drainStarted - reconcileStarted,
      drainMs: Date.now() - drainStarted,
    };
    return this.finish(
      {
        kind: 'reconcile',
        events: 0,
        deliveries: 0,
        duplicates: 0,
        late: 0,
        model,
        drain,
        deadLettered: outcome.ok
          ? []
          : [`${label}: ${outcome.errors.map(describeError).join(' / ')}`],
        retriedDeliveries: runIds.length - 1,
        retryReasons: [],
        rulesApplyRetries: 0,
        auditIds: runIds,
        timing,
      },
      round,
      startMs,
    );
  }
}
