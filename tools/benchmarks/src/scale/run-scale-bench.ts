import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  createServiceBudgets,
  finishReconcileRun,
  type PrepareOutcome,
  prepareReconcileRun,
  reconcileShard,
  type ReconcileRunSummary,
  type ServiceRateSettings,
  type ShardOutcome,
  staticRulesSource,
} from '@org/governance-runtime';
import {
  InMemoryOrganization,
  InMemoryProvisionedState,
  InMemoryQuotaStore,
  InMemoryRunStore,
  SnapshotOrganizationReads,
  VirtualClock,
} from '@org/governance-runtime/testing';
import { DEFAULT_BENCH_OPTIONS } from '../worker/bench-options';
import { type BenchResult, runWorkerBench } from '../worker/run-worker-bench';
import { CountingFifoQueue } from './counting-queue';
import { type CallLatencies, SimulatedAws } from './simulated-aws';
import { syntheticOrg } from './synthetic-org';

/** Settings of one scale run. */
export interface ScaleOptions {
  readonly accounts: number;
  /** Accounts per shard. */
  readonly shardSize: number;
  /** Shards reconciled at once (the Distributed Map's MaxConcurrency). */
  readonly mapConcurrency: number;
  /** Work time of one invocation before it checkpoints (its timeout is 600 s). */
  readonly invocationBudgetMs: number;
  readonly latencies: CallLatencies;
  /** Creations the worker run executes (a sample of the reconcile's creates). */
  readonly workerCreates: number;
}

/** Defaults: 500-account shards, two at a time, 480 s of work per invocation. */
export const DEFAULT_SCALE_OPTIONS: ScaleOptions = {
  accounts: 50_000,
  shardSize: 500,
  mapConcurrency: 2,
  invocationBudgetMs: 480_000,
  latencies: { organizationsMs: 150, identityCenterMs: 100 },
  workerCreates: 5000,
};

/** SQS's retention of the operations queue (14 days). */
const RETENTION_SECONDS = 14 * 24 * 3600;
/** A Step Functions state transition (virtual). */
const TRANSITION_MS = 50;

/** Figures of one scale run. */
export interface ScaleResult {
  readonly options: ScaleOptions;
  readonly rates: ServiceRateSettings;
  readonly rules: number;
  readonly organizationalUnits: number;
  readonly summary: ReconcileRunSummary;
  readonly reconcileSeconds: number;
  /** What the published rates allow for the reads the run made (services in parallel). */
  readonly boundSeconds: number;
  readonly organizationsReads: number;
  readonly identityCenterCalls: number;
  /** Calls the simulated services would have throttled (0: the budgets held). */
  readonly throttled: number;
  readonly invocations: number;
  readonly longestInvocationSeconds: number;
  readonly peakHeapMb: number;
  readonly queue: { readonly sent: number; readonly byType: Readonly<Record<string, number>> };
  /** Planned operations neither enqueued, held for a confirmation nor deferred by the pacing. */
  readonly lost: number;
  /** Operations the enqueue pacing left to the next runs (planned again by them). */
  readonly deferred: number;
  /** Daily runs that enqueue the whole first-run backlog at this run's pace. */
  readonly backlogRuns: number;
  /**
   * Operations the queue would drop before the worker drains them (14-day retention): what this
   * run enqueued (paced to what drains before the next run) against the worker's measured rate.
   */
  readonly expired: number;
  readonly drainSeconds: number;
  readonly worker: BenchResult;
  /** Audit entries the run appended. */
  readonly auditEntries: number;
  readonly realSeconds: number;
}

/** V8's collector, to measure live heap instead of garbage. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Runs a full reconcile of a synthetic organization of `accounts` accounts as the construct's
 * state machine does — the preparation looped until done, a Distributed Map of shards (each
 * looped until done), the finish — with the runtime's real use-cases on simulated AWS ports on
 * a virtual clock, then the operations worker on a sample of the creates. Measures each
 * invocation's virtual duration and the process's heap growth while it runs.
 *
 * @example
 * ```ts
 * const result = await runScaleBench({ ...DEFAULT_SCALE_OPTIONS, accounts: 1000 });
 * ```
 */
export async function runScaleBench(options: ScaleOptions): Promise<ScaleResult> {
  const realStart = process.hrtime.bigint();
  const gc = collector();
  const clock = new VirtualClock(0);
  const budgets = createServiceBudgets(new InMemoryQuotaStore(), clock);
  const world = syntheticOrg({ accounts: options.accounts });
  const reads = new SnapshotOrganizationReads(world.snapshot);
  const aws = new SimulatedAws(
    reads,
    budgets,
    clock,
    options.latencies,
    world.snapshot.permissionSets,
  );
  const queue = new CountingFifoQueue();
  const runs = new InMemoryRunStore();
  let audited = 0;
  const deps = {
    organizations: aws,
    identityCenter: aws,
    directory: new InMemoryOrganization({ ...world.snapshot, accounts: [], attachments: [] }),
    provisionedState: new InMemoryProvisionedState(),
    rules: staticRulesSource(world.config),
    queue,
    audit: { append: async () => void (audited += 1) },
    runs,
    clock,
  };
  const runId = 'reconcile-scale';
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peakHeap = 0;
  let longest = 0;
  let invocations = 0;
  const sample = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - baseline);
  }, 5);
  const invoke = async <T>(work: (deadlineMs: number) => Promise<T>): Promise<T> => {
    await clock.sleep(TRANSITION_MS);
    const started = clock.now();
    invocations += 1;
    const result = await work(started + options.invocationBudgetMs);
    longest = Math.max(longest, clock.now() - started);
    return result;
  };
  const summary = await clock.run(async () => {
    let prepared: PrepareOutcome;
    do {
      prepared = await invoke((deadlineMs) =>
        prepareReconcileRun(deps, { runId, deadlineMs, shardSize: options.shardSize }),
      );
    } while (!prepared.done);
    const shards = [...prepared.shards];
    const branch = async (): Promise<void> => {
      for (let shard = shards.shift(); shard !== undefined; shard = shards.shift()) {
        let outcome: ShardOutcome;
        do {
          const current = shard;
          outcome = await invoke((deadlineMs) =>
            reconcileShard(deps, { runId, shard: current, deadlineMs }),
          );
        } while (!outcome.done);
      }
    };
    await Promise.all(Array.from({ length: options.mapConcurrency }, branch));
    return invoke(() => finishReconcileRun(deps, { runId }));
  });
  clearInterval(sample);
  const reconcileSeconds = clock.now() / 1000;
  const organizationsReads = aws.organizations.calls;
  const identityCenterCalls = aws.identityCenter.calls;
  const boundSeconds = Math.max(
    organizationsReads / budgets.rates.organizationsReadsPerSecond,
    identityCenterCalls / budgets.rates.identityCenterRequestsPerSecond,
  );
  const creates = queue.byType['createAssignment'] ?? 0;
  const worker = await runWorkerBench({
    ...DEFAULT_BENCH_OPTIONS,
    creates: Math.max(1, Math.min(options.workerCreates, creates)),
  });
  const writes = queue.sent - creates;
  const drainSeconds =
    creates / worker.throughput + writes / budgets.rates.organizationsWritesPerSecond;
  const perSecond = queue.sent / Math.max(drainSeconds, 1);
  return {
    options,
    rates: budgets.rates,
    rules: world.ruleCount,
    organizationalUnits: world.snapshot.organizationalUnits.length,
    summary,
    reconcileSeconds,
    boundSeconds,
    organizationsReads,
    identityCenterCalls,
    throttled: aws.organizations.violations + aws.identityCenter.violations,
    invocations,
    longestInvocationSeconds: longest / 1000,
    peakHeapMb: peakHeap / 2 ** 20,
    queue: { sent: queue.sent, byType: { ...queue.byType } },
    lost: summary.driftCount - queue.sent - summary.heldDestructive - (summary.deferred ?? 0),
    deferred: summary.deferred ?? 0,
    backlogRuns: Math.ceil((queue.sent + (summary.deferred ?? 0)) / Math.max(1, queue.sent)),
    expired: Math.max(0, Math.round(queue.sent - perSecond * RETENTION_SECONDS)),
    drainSeconds,
    worker,
    auditEntries: audited,
    realSeconds: Number(process.hrtime.bigint() - realStart) / 1e9,
  };
}
