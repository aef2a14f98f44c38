/**
 * Runs the rounds of a chaos run, each first through the reference model (what must happen) and
 * then through the product (what happens under faults): event rounds, rule changes
 * (`orgctl rules apply`), and reconciles.
 */
import { type GovernanceConfig } from '@org/scope-engine';
import { describeError } from '@org/governance-runtime';
import type { OperationsWorkerHandler } from '@org/handlers';
import { type Deployed, deployReconciler, deployWorker } from '../deployment/product-functions';
import { mergeModelRounds, type ModelRound } from '../model/model-round';
import { type PlannedRound, ReferenceModel } from '../model/reference-model';
import { invokeAsync, routeEvent } from '../runtime/event-bus';
import { chaosLambdaContext } from '../runtime/lambda-context';
import { type DrainStats, drainQueue } from '../runtime/queue-driver';
import type { RoundWindow } from '../verify/round-audit';
import type { GeneratedEvent } from '../world/chaos-world';
import type { EventKind } from '../world/event-script';
import { governanceVersion } from '../world/governance-versions';
import { worldStep } from '../world/world-step';
import { applyRulesChange } from './apply-rules-change';
import { RULES_CACHE_TTL_MS } from '../deployment/function-variables';
import type { ChaosSetup } from './chaos-setup';
import { deliverEvents } from './deliver-events';
import { distinctEvents, planDeliveries } from './deliveries';
import type { RoundKind, RoundSummary } from './round-summary';

/** Product time a worker invocation may run (Lambda's maximum). */
const WORKER_TIMEOUT_MS = 900_000;
/** How long a failed-back or crashed record stays invisible, product time. */
const VISIBILITY_TIMEOUT_MS = 10_000;
/** Scheduled reconciles tried (one a day) before the run gives up on drift repair. */
const RECONCILE_SCHEDULES = 3;
/** Probability that a round has a scripted FAILED creation (when it creates any). */
const FAILED_ROUND_RATE = 0.12;
/** Probability that someone attaches an SCP or creates an assignment by hand in a round. */
const MANUAL_ITEM_RATE = 0.15;

/** What the product side of a round did, to complete its summary. */
interface ProductSide {
  readonly deadLettered: readonly string[];
  readonly retriedDeliveries: number;
  readonly retryReasons: readonly string[];
  readonly rulesApplyRetries: number;
  readonly auditIds: readonly string[];
  readonly deliverMs: number;
}

/**
 * The rounds of one run.
 *
 * @example
 * ```ts
 * const runner = new RoundRunner(setup, 10);
 * await runner.reconcile('reconcile after the deploy');
 * await runner.eventRound(['create', 'move']);
 * await runner.ruleChange();
 * ```
 */
export class RoundRunner {
  private round = 0;
  private version = 0;
  private failuresScripted = 0;
  private config: GovernanceConfig;
  private readonly history: GeneratedEvent[] = [];
  private readonly random;
  readonly windows: RoundWindow[] = [];
  readonly summaries: RoundSummary[] = [];
  /** Deliveries of operations to workers: round → operation key → count. */
  readonly deliveries = new Map<number, Map<string, number>>();

  constructor(
    private readonly setup: ChaosSetup,
    /** The round from which a FAILED creation is forced if none was scripted yet. */
    private readonly forceFailureFrom: number,
  ) {
    const { random } = setup;
    this.random = {
      deliveries: random.fork('deliveries'),
      failures: random.fork('failures'),
      crashes: random.fork('crashes'),
      manual: random.fork('manual'),
    };
    this.config = setup.initialConfig;
  }

  /** The configuration in force. */
  get currentConfig(): GovernanceConfig {
    return this.config;
  }

  private begin(): { round: number; startMs: number } {
    this.round += 1;
    this.setup.edge.round = this.round;
    this.setup.world.round = this.round;
    return { round: this.round, startMs: this.setup.clock.now() };
  }

  /** Scripts a FAILED creation for some rounds (always one by `forceFailureFrom`). */
  private scriptFailures(round: number, planned: PlannedRound): Set<string> {
    const creations = ReferenceModel.creations(planned);
    const force = this.failuresScripted === 0 && round >= this.forceFailureFrom;
    if (creations.length === 0 || !(force || this.random.failures.chance(FAILED_ROUND_RATE))) {
      return new Set();
    }
    const key = this.random.failures.pick(creations);
    this.setup.script.failCreation(round, key);
    this.failuresScripted += 1;
    return new Set([key]);
  }

  /** The model's expectations of a planned round. */
  private expect(round: number, planned: PlannedRound): ModelRound {
    return this.setup.model.execute(round, planned, this.scriptFailures(round, planned));
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
      random: this.random.crashes,
      clock: setup.clock,
      timeoutMs: WORKER_TIMEOUT_MS,
      visibilityTimeoutMs: VISIBILITY_TIMEOUT_MS,
      deploy: (): Deployed<OperationsWorkerHandler> => deployWorker(setup.env),
      onDelivery: (key) => counts.set(key, (counts.get(key) ?? 0) + 1),
    });
  }

  /** Drains the queue and records the round. */
  private async finish(
    begun: { round: number; startMs: number },
    kind: RoundKind,
    counts: { events: number; deliveries: number; duplicates: number; late: number },
    model: ModelRound,
    product: ProductSide,
  ): Promise<RoundSummary> {
    const drainStarted = Date.now();
    const drain = await this.drain(begun.round);
    const { deliverMs, ...side } = product;
    const summary: RoundSummary = {
      round: begun.round,
      kind,
      ...counts,
      model,
      drain,
      ...side,
      timing: { deliverMs, drainMs: Date.now() - drainStarted },
    };
    this.windows.push({
      round: begun.round,
      startMs: begun.startMs,
      endMs: this.setup.clock.now() + 1,
    });
    this.summaries.push(summary);
    return summary;
  }

  /** A round of organization events. */
  async eventRound(kinds: readonly EventKind[]): Promise<RoundSummary> {
    const { setup } = this;
    const begun = this.begin();
    const events: GeneratedEvent[] = [];
    for (const kind of kinds) {
      const change = await worldStep(setup.world, kind);
      setup.model.applyWorldChange(setup.world.state, change);
      events.push(...change.events);
    }
    if (this.random.manual.chance(MANUAL_ITEM_RATE)) {
      const change = await setup.world.manualItem(setup.model);
      setup.model.applyWorldChange(setup.world.state, change);
    }
    const plan = planDeliveries(events, this.history, this.random.deliveries);
    this.history.push(...events);
    const distinct = distinctEvents(plan.deliveries);
    const planned = setup.model.planEvents(
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
    const model = this.expect(begun.round, planned);
    const started = Date.now();
    const delivered = await deliverEvents(
      plan.deliveries,
      setup.env,
      this.config,
      setup.options.deliveries,
    );
    return this.finish(
      begun,
      'events',
      {
        events: kinds.length,
        deliveries: plan.deliveries.length,
        duplicates: plan.duplicates,
        late: plan.late,
      },
      model,
      {
        deadLettered: delivered.deadLettered,
        retriedDeliveries: delivered.retried,
        retryReasons: delivered.retryReasons,
        rulesApplyRetries: 0,
        auditIds: distinct.map((event) => event.id),
        deliverMs: Date.now() - started,
      },
    );
  }

  /** `orgctl rules apply` with the next governance version (re-run by the operator if it fails). */
  async ruleChange(): Promise<RoundSummary> {
    const { setup } = this;
    const begun = this.begin();
    this.version += 1;
    const config = governanceVersion(
      this.version,
      setup.random.fork(`rules-${this.version}`),
      setup.targets,
    );
    const runId = `rules-apply-${this.version}`;
    const changed = this.expect(begun.round, setup.model.planRulesChange(config));
    const started = Date.now();
    const applied = await applyRulesChange(config, runId, setup.rulesApply);
    // A re-run that found the rules saved reconciled every account: the model does the same
    // after the change, which adds the repairs a reconcile makes (e.g. earlier FAILED creations).
    const model = applied.resumed
      ? mergeModelRounds(
          changed,
          setup.model.execute(begun.round, setup.model.planReconcile(), new Set()),
        )
      : changed;
    this.config = config;
    setup.clock.advance(RULES_CACHE_TTL_MS + 1000);
    return this.finish(
      begun,
      'ruleChange',
      { events: 1, deliveries: 0, duplicates: 0, late: 0 },
      model,
      {
        deadLettered: applied.gaveUp ? [`${runId}: ${applied.errors.join(' / ')}`] : [],
        retriedDeliveries: 0,
        retryReasons: applied.errors,
        rulesApplyRetries: applied.gaveUp ? applied.errors.length - 1 : applied.errors.length,
        auditIds: [runId],
        deliverMs: Date.now() - started,
      },
    );
  }

  /**
   * A reconcile (the construct's schedule, or on demand after the deploy): drift repair is part
   * of the contract (SPEC §2), and it stores the directory view the processor plans with. A run
   * that fails every attempt is retried by the next day's schedule.
   */
  async reconcile(label = 'scheduled reconcile'): Promise<RoundSummary> {
    const { setup } = this;
    const begun = this.begin();
    const model = this.expect(begun.round, setup.model.planReconcile());
    const started = Date.now();
    const reconciler = deployReconciler(setup.env);
    const runIds: string[] = [];
    const errors: unknown[] = [];
    let ok = false;
    for (let schedule = 1; schedule <= RECONCILE_SCHEDULES && !ok; schedule += 1) {
      const outcome = await invokeAsync(
        reconciler.handler,
        { 'detail-type': 'Scheduled Event' },
        () => {
          const context = chaosLambdaContext('reconciler', 900_000, setup.clock);
          runIds.push(`reconcile-${context.awsRequestId}`);
          return context;
        },
        setup.clock,
      );
      errors.push(...outcome.errors);
      ok = outcome.ok;
    }
    return this.finish(
      begun,
      'reconcile',
      { events: 0, deliveries: 0, duplicates: 0, late: 0 },
      model,
      {
        deadLettered: ok ? [] : [`${label}: ${errors.map(describeError).join(' / ')}`],
        retriedDeliveries: runIds.length - 1,
        retryReasons: errors.map(describeError),
        rulesApplyRetries: 0,
        auditIds: runIds,
        deliverMs: Date.now() - started,
      },
    );
  }
}
