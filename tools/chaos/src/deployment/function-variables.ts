/**
 * The environment of the product's functions in the chaos run: the local stack's
 * `functionEnvironments` (what the construct sets, per function, from the contract's
 * `HANDLER_ENV`), pointed at moto, with the chaos run's status polling.
 */
import { DEFAULT_RULES_CACHE_TTL_SECONDS } from '@org/contracts';
import { type FunctionEnvironments, functionEnvironments } from '@org/local-stack';
import { CHAOS_NAMES, type ChaosResources } from './chaos-resources';

/** The planners' rules cache (the handlers' default `RULES_CACHE_TTL_SECONDS`). */
export const RULES_CACHE_TTL_MS = DEFAULT_RULES_CACHE_TTL_SECONDS * 1000;

/**
 * Each function's environment variables.
 *
 * @example
 * ```ts
 * const envs = functionVariables(moto.endpoint, resources, instance);
 * createWorkerDependencies(envs['operations-worker'], wiring);
 * ```
 */
export function functionVariables(
  motoEndpoint: string,
  resources: Pick<ChaosResources, 'operationsQueueUrl' | 'failureTopicArn'>,
  instance: { readonly instanceArn: string; readonly identityStoreId: string },
): FunctionEnvironments {
  return functionEnvironments({
    endpoint: motoEndpoint,
    names: CHAOS_NAMES,
    resources,
    instance,
    settings: { statusFirstPollMs: '800', statusWaitSeconds: '10' },
  });
}
