/**
 * The pause gates of the deployed processor and worker, wired from the environment (cold start).
 */
import type { Environment } from '@org/contracts';
import { SqsMessageVisibility } from '@org/aws-adapters/sqs';
import { documentClient, sqsClient } from '../aws/clients';
import { readProcessorConfig, readWorkerConfig } from '../config/handler-config';
import type { OperationsWorkerDependencies } from '../../operations-worker/operations-worker-handler';
import type { OrgEventsProcessorDependencies } from '../../org-events-processor/org-events-processor-handler';
import type { WorkerPauseGate } from './hold-while-paused';
import { withPausedQueue } from './pause-gated-processor';
import { pauseSwitch } from './pause-switch-port';

/**
 * The processor's dependencies with the pause switch of its provisioned-state table.
 *
 * @example
 * ```ts
 * createOrgEventsProcessorHandler(pausableProcessor(createProcessorDependencies(env), env));
 * ```
 */
export function pausableProcessor(
  deps: OrgEventsProcessorDependencies,
  env: Environment,
): OrgEventsProcessorDependencies {
  const config = readProcessorConfig(env);
  const target = { config, functionName: 'org-events-processor' };
  return withPausedQueue(deps, pauseSwitch(documentClient(target), config));
}

/**
 * The worker's pause gate: the switch in its provisioned-state table, the visibility of its
 * queue's messages (the worker's own, else a client of its own), its `maxReceiveCount`.
 *
 * @example
 * ```ts
 * const deps = createWorkerDependencies(env);
 * export const handler = holdWhilePaused(createOperationsWorkerHandler(deps), workerPauseGate(env, deps));
 * ```
 */
export function workerPauseGate(
  env: Environment,
  deps: Pick<OperationsWorkerDependencies, 'observability' | 'settings' | 'visibility'>,
): WorkerPauseGate {
  const config = readWorkerConfig(env);
  const target = { config, functionName: 'operations-worker' };
  return {
    pauseSwitch: pauseSwitch(documentClient(target), config),
    visibility:
      deps.visibility ??
      new SqsMessageVisibility(sqsClient(target), { queueUrl: config.operationsQueueUrl }),
    maxReceiveCount: deps.settings.maxReceiveCount,
    observability: deps.observability,
  };
}
