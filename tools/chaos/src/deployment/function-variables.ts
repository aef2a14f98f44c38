/**
 * The environment of the product's functions: what the construct sets (`HANDLER_ENV`), pointed
 * at the emulators, with the chaos run's status polling.
 */
import { CHAOS_NAMES, type ChaosResources, MAX_RECEIVE_COUNT } from './chaos-resources';

/** The planners' rules cache (the handlers' default `RULES_CACHE_TTL_SECONDS`). */
export const RULES_CACHE_TTL_MS = 60_000;

/**
 * The functions' environment variables.
 *
 * @example
 * ```ts
 * createWorkerDependencies(functionVariables(moto.endpoint, resources, instance), wiring);
 * ```
 */
export function functionVariables(
  motoEndpoint: string,
  resources: Pick<ChaosResources, 'operationsQueueUrl' | 'failureTopicArn'>,
  instance: { readonly instanceArn: string; readonly identityStoreId: string },
): Readonly<Record<string, string>> {
  return {
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: motoEndpoint,
    RULES_TABLE: CHAOS_NAMES.rulesTable,
    STATE_TABLE: CHAOS_NAMES.stateTable,
    AUDIT_TABLE: CHAOS_NAMES.auditTable,
    IDEMPOTENCY_TABLE: CHAOS_NAMES.idempotencyTable,
    OPERATIONS_QUEUE_URL: resources.operationsQueueUrl,
    FAILURE_TOPIC_ARN: resources.failureTopicArn,
    SSO_INSTANCE_ARN: instance.instanceArn,
    IDENTITY_STORE_ID: instance.identityStoreId,
    RULES_CACHE_TTL_SECONDS: String(RULES_CACHE_TTL_MS / 1000),
    STATUS_FIRST_POLL_MS: '800',
    STATUS_WAIT_SECONDS: '10',
    OPERATIONS_MAX_RECEIVE_COUNT: String(MAX_RECEIVE_COUNT),
    POWERTOOLS_SERVICE_NAME: 'org-governance',
    POWERTOOLS_METRICS_NAMESPACE: 'OrgGovernance',
  };
}
