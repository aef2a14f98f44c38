import { organizationReaders } from '../shared/aws/organization-readers';
import { StatePorts } from '../shared/aws/state-ports';
import type { Environment } from '../shared/config/env-reader';
import { readHandlerConfig } from '../shared/config/handler-config';
import { createLambdaObservability } from '../shared/observability/observability';
import { systemClock } from '../shared/system-clock';
import type { WiringOptions } from '../shared/wiring-options';
import type { ReconcilerDependencies } from './reconciler-handler';

/** The function name (log key, user agent). */
export const RECONCILER = 'reconciler';

/**
 * Reads the reconciler's configuration and creates its clients and adapters (cold start).
 *
 * @throws {HandlerConfigError} when the environment is incomplete.
 * @example
 * ```ts
 * export const handler = createReconcilerHandler(createReconcilerDependencies(process.env));
 * ```
 */
export function createReconcilerDependencies(
  env: Environment,
  options: WiringOptions = {},
): ReconcilerDependencies {
  const config = readHandlerConfig(env, RECONCILER);
  const clock = options.clock ?? systemClock;
  const target = { config, functionName: RECONCILER, customizeClient: options.customizeClient };
  const state = new StatePorts(target, clock);
  return {
    reconcile: {
      ...organizationReaders(target),
      provisionedState: state.provisionedState(),
      rules: state.rules(),
      queue: state.queue(),
      audit: state.audit(),
      clock,
    },
    failures: state.failures(),
    observability: options.observability ?? createLambdaObservability(RECONCILER, env),
    dryRunByDefault: config.dryRun,
  };
}
