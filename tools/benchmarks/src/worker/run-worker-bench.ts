import { DEFAULT_RETRY_POLICY } from '@org/aws-adapters';
import { IdentityCenterAdapter } from '@org/aws-adapters/sso-admin';
import type { Operation } from '@org/scope-engine';
import {
  createServiceBudgets,
  DEFAULT_ASSIGNMENT_POLLING,
  type FailureReport,
  IdentityCenterQuota,
  staticRulesSource,
  withBudgetedReads,
} from '@org/governance-runtime';
import {
  InMemoryAuditLog,
  InMemoryProvisionedState,
  InMemoryQuotaStore,
  VirtualClock,
} from '@org/governance-runtime/testing';
import type { Context } from 'aws-lambda';
import {
  createLogger,
  createOperationsWorkerHandler,
  MemoryMetricsRecorder,
  quotaAwareRetryPolicy,
} from '@org/handlers';
import type { BenchOptions } from './bench-options';
import { benchOrganizations } from './bench-organizations';
import { benchWorld } from './bench-world';
import { seededRandom } from './seeded-random';
import { SimulatedFifoQueue } from './simulated-fifo-queue';
import {
  SimulatedIdentityCenter,
  type SimulatedIdentityCenterStats,
} from './simulated-identity-center';
import { simulatedSsoAdminClient } from './simulated-sso-admin-client';

const INSTANCE = { instanceArn: 'arn:aws:sso:::instance/ssoins-bench', identityStoreId: 'd-bench' };
/** The worker's production timeout: 60 s status wait + 30 s. */
const LAMBDA_TIMEOUT_MS = 90_000;

/** Figures of one benchmark run. */
export interface BenchResult {
  readonly options: BenchOptions;
  /** Virtual seconds from the first to the last settled creation. */
  readonly elapsedSeconds: number;
  /** Creations settled (SUCCEEDED or terminally FAILED) per virtual second. */
  readonly throughput: number;
  /**
   * What the published quotas allow for the calls the run needed: min(requests/s ÷ requests per
   * creation — every Identity Center call counted —, outstanding ÷ mean completion latency).
   */
  readonly boundPerSecond: number;
  readonly fractionOfBound: number;
  readonly succeeded: number;
  readonly failedTerminal: number;
  /** Creations neither present in the service nor reported as failed. */
  readonly lost: number;
  /** Creations requested again after being accepted. */
  readonly duplicated: number;
  readonly requestsPerCreation: number;
  /**
   * The level checks' Organizations reads (every request of the production adapter, within the
   * shared read budget): in all, per settled creation, the bound they set (reads/s ÷ reads per
   * creation), and requests over the published rate (0: the budget held).
   */
  readonly organizations: {
    readonly reads: number;
    readonly readsPerCreation: number;
    readonly boundPerSecond: number;
    readonly throttled: number;
    readonly byCommand: Readonly<Record<string, number>>;
  };
  /** Mean completion latency of a creation, seconds. */
  readonly meanLatencySeconds: number;
  readonly service: SimulatedIdentityCenterStats;
  readonly queue: {
    readonly sent: number;
    readonly redelivered: number;
    readonly deduplicated: number;
  };
  readonly realSeconds: number;
}

/** The key the simulated service and the checks use for an assignment. */
function keyOf(op: Operation): string {
  return op.type === 'createAssignment'
    ? `${op.accountId}#${op.permissionSetArn}#${op.principalType}#${op.principalId}`
    : '';
}

/** A Lambda context whose remaining time follows the virtual clock. */
function lambdaContext(clock: VirtualClock, invocation: number): Context {
  const deadline = clock.now() + LAMBDA_TIMEOUT_MS;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'operations-worker',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:operations-worker',
    memoryLimitInMB: '512',
    awsRequestId: `bench-${invocation}`,
    logGroupName: '/aws/lambda/operations-worker',
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => deadline - clock.now(),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * Runs the operations worker — the production handler, pipeline, quota limiter and Identity
 * Center adapter — against a {@link SimulatedIdentityCenter} on a virtual clock, with
 * `options.workers` concurrent invocations draining a simulated FIFO queue, and checks that
 * every creation settled exactly once.
 *
 * @example
 * ```ts
 * const result = await runWorkerBench(DEFAULT_BENCH_OPTIONS);
 * console.log(result.fractionOfBound);
 * ```
 */
export async function runWorkerBench(options: BenchOptions): Promise<BenchResult> {
  const realStart = process.hrtime.bigint();
  const clock = new VirtualClock(0);
  const random = seededRandom(options.seed);
  const service = new SimulatedIdentityCenter(clock, random, {
    requestsPerSecond: options.requestsPerSecond,
    maxOutstandingCreates: options.maxOutstandingCreates,
    completionLatencyMs: [options.latencyMinMs, options.latencyMaxMs],
    callLatencyMs: options.callLatencyMs,
    throttleRate: options.throttleRate,
    failureRate: options.failureRate,
  });
  const queue = new SimulatedFifoQueue(clock, { visibilityTimeoutMs: options.visibilityTimeoutMs });
  const provisioned = new InMemoryProvisionedState();
  const failures: FailureReport[] = [];
  const metrics = new MemoryMetricsRecorder();
  const world = benchWorld(options);
  const store = new InMemoryQuotaStore();
  const quota = new IdentityCenterQuota(store, clock, {
    requestsPerSecond: options.requestsPerSecond,
    maxOutstandingCreates: options.maxOutstandingCreates,
  });
  const rules = staticRulesSource(world.config);
  const organizations = benchOrganizations(
    world.snapshot,
    clock,
    createServiceBudgets(store, clock, {
      organizationsReadsPerSecond: options.organizationsReadsPerSecond,
    }),
    rules,
    options.organizationsCallLatencyMs,
  );
  // One per worker: a container's Organizations adapter has its own caches.
  const createHandler = () =>
    createOperationsWorkerHandler({
      execute: {
        organizations: organizations.adapter(),
        identityCenter: withBudgetedReads(
          new IdentityCenterAdapter(simulatedSsoAdminClient(service, clock), {
            instance: INSTANCE,
            retryPolicy: quotaAwareRetryPolicy(quota, clock, DEFAULT_RETRY_POLICY, random),
          }),
          quota,
        ),
        provisionedState: provisioned,
        audit: new InMemoryAuditLog(),
        queue,
        failures: { report: async (failure) => void failures.push(failure) },
        quota,
        rules,
        directoryView: { current: async () => world.directoryView },
        clock,
        polling: {
          ...DEFAULT_ASSIGNMENT_POLLING,
          firstPollDelayMs: options.firstPollDelayMs,
          pollIntervalMs: options.pollIntervalMs,
          steadyPollingMs: options.steadyPollingMs,
          pollBackoff: options.pollBackoff,
        },
      },
      failures: { report: async (failure) => void failures.push(failure) },
      observability: { logger: createLogger('operations-worker', {}, 'SILENT'), metrics },
      settings: { maxReceiveCount: Number.POSITIVE_INFINITY, deadlineSafetyMs: 15_000 },
      visibility: queue,
    });

  const { operations } = world;
  await queue.send(operations.map((operation) => ({ eventId: 'bench', operation })));
  let invocations = 0;
  let inFlight = 0;
  const worker = async (): Promise<void> => {
    const handler = createHandler();
    for (;;) {
      const records = queue.receive(10);
      if (records.length === 0) {
        if (queue.size() === 0 && inFlight === 0) return;
        await clock.sleep(100);
        continue;
      }
      inFlight += 1;
      invocations += 1;
      const response = await handler({ Records: records }, lambdaContext(clock, invocations));
      queue.complete(records, new Set(response.batchItemFailures.map((f) => f.itemIdentifier)));
      inFlight -= 1;
    }
  };
  await clock.run(() => Promise.all(Array.from({ length: options.workers }, worker)));

  const failedKeys = new Set(failures.flatMap((f) => (f.operation ? [keyOf(f.operation)] : [])));
  const keys = operations.map(keyOf);
  const succeeded = keys.filter((key) => service.exists(key)).length;
  const failedTerminal = keys.filter((key) => failedKeys.has(key) && !service.exists(key)).length;
  const stats = service.stats();
  const elapsedSeconds = clock.now() / 1000;
  const throughput = (succeeded + failedTerminal) / elapsedSeconds;
  const meanLatencySeconds = (options.latencyMinMs + options.latencyMaxMs) / 2000;
  const requestsPerCreation = stats.requests / keys.length;
  const reads = organizations.service.reads.calls;
  const readsPerCreation = reads / keys.length;
  const organizationsBound = options.organizationsReadsPerSecond / readsPerCreation;
  const boundPerSecond = Math.min(
    options.requestsPerSecond / requestsPerCreation,
    options.maxOutstandingCreates / meanLatencySeconds,
    organizationsBound,
  );
  return {
    options,
    elapsedSeconds,
    throughput,
    boundPerSecond,
    fractionOfBound: throughput / boundPerSecond,
    succeeded,
    failedTerminal,
    lost: keys.length - succeeded - failedTerminal,
    duplicated: stats.duplicateCreates,
    requestsPerCreation,
    organizations: {
      reads,
      readsPerCreation,
      boundPerSecond: organizationsBound,
      throttled: organizations.service.reads.violations,
      byCommand: organizations.service.counts(),
    },
    meanLatencySeconds,
    service: stats,
    queue: { ...queue.counters },
    realSeconds: Number(process.hrtime.bigint() - realStart) / 1e9,
  };
}
