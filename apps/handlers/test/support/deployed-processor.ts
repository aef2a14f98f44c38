/**
 * The deployed org events processor over the example deployment, its provisioned state recorded
 * (the assignments and attachments the product made): the processor specs start from it.
 */
import type { GovernanceEventDependencies } from '@org/governance-runtime';
import { createOrgEventsProcessorHandler } from '../../src/org-events-processor/org-events-processor-handler';
import { collectingFailures, testObservability } from './fixtures';
import {
  inMemoryDeployment,
  processPorts,
  recordExampleProvisionedState,
} from './in-memory-deployment';

/** What a processor spec adds to the deployment's processor. */
export interface DeployedProcessorOptions {
  /** Process ports besides the deployment's, given the deployment and the failure channel. */
  readonly process?: (
    env: ReturnType<typeof inMemoryDeployment>,
    failures: ReturnType<typeof collectingFailures>,
  ) => Partial<GovernanceEventDependencies>;
  /** The product's own roles (their calls are `OwnChange`). @default none */
  readonly productRoleArns?: readonly string[];
}

/**
 * The processor handler with the deployment, its failure channel and its metrics.
 *
 * @example
 * ```ts
 * const { env, failures, handler } = await deployedProcessor();
 * await handler(exampleEvent('account-created'), lambdaContext());
 * ```
 */
export async function deployedProcessor(options: DeployedProcessorOptions = {}) {
  const env = inMemoryDeployment();
  await recordExampleProvisionedState(env);
  const failures = collectingFailures();
  const observability = testObservability();
  const handler = createOrgEventsProcessorHandler({
    process: { ...processPorts(env), ...options.process?.(env, failures) },
    ...(options.productRoleArns === undefined ? {} : { productRoleArns: options.productRoleArns }),
    failures,
    markers: env.markers,
    observability,
  });
  return { env, failures, metrics: observability.metrics, handler };
}
