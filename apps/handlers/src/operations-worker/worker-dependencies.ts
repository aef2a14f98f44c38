import { SqsMessageVisibility } from '@org/aws-adapters/sqs';
import { withBudgetedReads } from '@org/governance-runtime';
import { sqsClient } from '../shared/aws/clients';
import { identityCenterAdapter, identityCenterTarget } from '../shared/aws/identity-center';
import { functionWiring, pipelinePorts } from '../shared/aws/pipeline-wiring';
import { failureTopic, storedDirectoryView, topicPublisher } from '../shared/aws/state-ports';
import type { Environment } from '@org/contracts';
import { readWorkerConfig } from '../shared/config/handler-config';
import { createLambdaObservability } from '../shared/observability/observability';
import { functionBudgets } from '../shared/quota/function-budgets';
import { quotaAwareRetryPolicy } from '../shared/quota/quota-aware-retry-policy';
import type { WiringOptions } from '../shared/wiring-options';
import type { OperationsWorkerDependencies } from './operations-worker-handler';

/** Shortest time between two refreshes of the cached rules and directory view. */
const REFRESH_INTERVAL_MS = 5_000;

/**
 * How the worker's Organizations adapter reads the OU path of an account: OUs cached for an hour
 * per container (an OU never moves, so its parent never changes) and without their names (one
 * `ListParents` per OU, no `DescribeOrganizationalUnit`: the level check matches rules by OU id
 * and never shows an OU name). The account itself — state, parent, tags — is read per batch.
 */
export const WORKER_OU_READS = { ouCacheTtlMs: 3_600_000, ouNames: false } as const;

/** The function name (log key, user agent). */
export const OPERATIONS_WORKER = 'operations-worker';

/**
 * Reads the worker's configuration and creates its clients and adapters (cold start). The
 * Identity Center quota and the Organizations read and write budgets are shared by every caller
 * through DynamoDB (`functionBudgets`); SSO Admin retries go through the quota too. SSO Admin calls assume `SSO_ROLE_ARN` when it is set. The level-triggered check
 * re-reads accounts through the Organizations adapter (its reads count against the
 * Organizations read budget: per account and batch 3 for an assignment operation — the
 * account's state, parent and tags —, 4 for an attach or detach of one policy type, none for a
 * status check; OUs per {@link WORKER_OU_READS}) and plans with the cached rules and the stored
 * directory view, both refreshed before a negative verdict is final.
 *
 * @throws {HandlerEnvironmentError} when the environment is incomplete.
 * @example
 * ```ts
 * export const handler = createOperationsWorkerHandler(createWorkerDependencies(process.env));
 * ```
 */
export function createWorkerDependencies(
  env: Environment,
  options: WiringOptions = {},
): OperationsWorkerDependencies {
  const wiring = functionWiring(readWorkerConfig(env), OPERATIONS_WORKER, options);
  const { config, clock, target, documents } = wiring;
  const budgets = functionBudgets(wiring, options);
  const quota = budgets.identityCenter;
  // Assignment reads (the level check, the existence check) take request tokens too.
  const identityCenter = withBudgetedReads(
    identityCenterAdapter(identityCenterTarget(target), {
      maxAttempts: 1,
      retryPolicy: quotaAwareRetryPolicy(quota, clock),
    }),
    quota,
  );
  const failures = failureTopic(topicPublisher(target), config);
  // AttachPolicy / DetachPolicy and the level check's re-reads within the Organizations budgets.
  const ports = pipelinePorts(wiring, budgets, WORKER_OU_READS);
  const directoryView = storedDirectoryView(documents, config, clock);
  let lastRefresh = Number.NEGATIVE_INFINITY;
  return {
    execute: {
      ...ports,
      identityCenter,
      failures,
      quota,
      polling: config.polling,
      directoryView,
      refreshCaches: () => {
        // At most once per REFRESH_INTERVAL_MS: a burst of refusals reads the tables once.
        if (clock.now() - lastRefresh < REFRESH_INTERVAL_MS) return;
        lastRefresh = clock.now();
        ports.rules.invalidate();
        directoryView.invalidate();
      },
    },
    failures,
    visibility: new SqsMessageVisibility(sqsClient(target), {
      queueUrl: config.operationsQueueUrl,
    }),
    observability: options.observability ?? createLambdaObservability(OPERATIONS_WORKER, env),
    settings: { maxReceiveCount: config.maxReceiveCount, deadlineSafetyMs: 15_000 },
  };
}
