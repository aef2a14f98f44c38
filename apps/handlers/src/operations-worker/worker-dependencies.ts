import { DynamoDbQuotaStore } from '@org/aws-adapters/dynamodb';
import { IdentityCenterQuota } from '@org/governance-runtime';
import { documentClient } from '../shared/aws/clients';
import {
  identityCenterAdapter,
  identityCenterTarget,
  organizationsAdapter,
} from '../shared/aws/identity-center';
import {
  auditLog,
  failureTopic,
  operationQueue,
  provisionedState,
  rulesSource,
  topicPublisher,
} from '../shared/aws/state-ports';
import type { Environment } from '@org/contracts';
import { readWorkerConfig } from '../shared/config/handler-config';
import { createLambdaObservability } from '../shared/observability/observability';
import { quotaAwareRetryPolicy } from '../shared/quota/quota-aware-retry-policy';
import { systemClock } from '../shared/system-clock';
import type { WiringOptions } from '../shared/wiring-options';
import type { OperationsWorkerDependencies } from './operations-worker-handler';

/** The function name (log key, user agent). */
export const OPERATIONS_WORKER = 'operations-worker';

/**
 * Reads the worker's configuration and creates its clients and adapters (cold start). The
 * Identity Center quota is shared by every worker through DynamoDB; SSO Admin retries go
 * through it too. SSO Admin calls assume `SSO_ROLE_ARN` when it is set.
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
  const config = readWorkerConfig(env);
  const clock = options.clock ?? systemClock;
  const target = {
    config,
    functionName: OPERATIONS_WORKER,
    customizeClient: options.customizeClient,
  };
  const documents = documentClient(target);
  const quota = new IdentityCenterQuota(
    options.quotaStore ?? new DynamoDbQuotaStore(documents, { tableName: config.idempotencyTable }),
    clock,
    config.quota,
  );
  const identityCenter = identityCenterAdapter(identityCenterTarget(target), {
    maxAttempts: 1,
    retryPolicy: quotaAwareRetryPolicy(quota, clock),
  });
  const failures = failureTopic(topicPublisher(target), config);
  return {
    execute: {
      organizations: organizationsAdapter(target),
      identityCenter,
      provisionedState: provisionedState(documents, config),
      audit: auditLog(documents, config),
      queue: operationQueue(target),
      failures,
      quota,
      rules: rulesSource(documents, config, clock),
      clock,
      polling: config.polling,
    },
    failures,
    observability: options.observability ?? createLambdaObservability(OPERATIONS_WORKER, env),
    settings: { maxReceiveCount: config.maxReceiveCount, deadlineSafetyMs: 15_000 },
  };
}
