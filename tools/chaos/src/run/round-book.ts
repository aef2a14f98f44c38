/**
 * The bookkeeping of a run's rounds: numbering, the reference model's expectations (with scripted
 * FAILED creations), draining the operations queue after each round, and the round summaries and
 * time windows the verdict reads.
 */
import { type GovernanceConfig } from '@org/scope-engine';
import type { OperationsWorkerHandler } from '@org/handlers';
import { type Deployed, deployFunction } from '../deployment/product-functions';
import type { ModelRound } from '../model/model-round';
import { type PlannedRound, ReferenceModel } from '../model/reference-model';
import { type DrainStats, drainQueue } from '../runtime/queue-driver';
import type { RoundWindow } from '../verify/round-audit';
import type { GeneratedEvent } from '../world/chaos-world';
import type { ChaosSetup } from './chaos-setup';
import type { RoundKind, RoundSummary } from './round-summary';

/** Product time a worker invocation may run (Lambda's maximum). */
const WORKER_TIMEOUT_MS = 900_000;
/**
 * The queue's visibility timeout as the run models it, product time: how long a crashed record,
 * or a failed-back one whose visibility the worker did not change, stays invisible (a record the
 * worker postponed comes back when the worker said).
 */
const VISIBILITY_TIMEOUT_MS = 10_000;
/** Probability that a round has a scripted FAILED creation (when it creates any). */
const FAILED_ROUND_RATE = 0.12;

/** What the product side of a round did, to complete its summary. */
export interface ProductSide {
  readonly deadLettered: readonly string[];
  readonly retriedDeliveries: number;
  readonly replayedEvents: number;
  readonly retryReasons: readonly string[];
  readonly rulesApplyRetries: number;
  readonly auditIds: readonly string[];
  readonly deliverMs: number;
}

/**
 * Rounds as a run records them (extended by `RoundRunner`, which plays them).
 *
 * @example
 * ```ts
 * class Runner extends RoundBook { async quiet() { const b = this.begin(); … return this.finish(…); } }
 * ```
 */
export class RoundBook {
  protected round = 0;
  protected failuresScripted = 0;
  protected config: GovernanceConfig;
  protected readonly history: GeneratedEvent[] = [];
  protected readonly random;
  readonly windows: RoundWindow[] = [];
  readonly summaries: RoundSummary[] = [];
  /** Deliveries of operations to workers: round → operation key → count. */
  readonly deliveries = new Map<number, Map<string, number>>();

  constructor(
    protected readonly setup: ChaosSetup,
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

  protected begin(): { round: number; startMs: number } {
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
  protected expect(round: number, planned: PlannedRound): ModelRound {
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
      visibility: setup.visibility,
      deploy: (): Deployed<OperationsWorkerHandler> =>
        deployFunction(setup.env, 'operations-worker'),
      onDelivery: (key) => counts.set(key, (counts.get(key) ?? 0) + 1),
    });
  }

  /** Drains the queue and records the round. */
  protected async finish(
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
}
