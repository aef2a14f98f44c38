import { organizationReaders } from '../shared/aws/organization-readers';
import { StatePorts } from '../shared/aws/state-ports';
import type { Environment } from '../shared/config/env-reader';
import { readHandlerConfig } from '../shared/config/handler-config';
import { createLambdaObservability } from '../shared/observability/observability';
import { systemClock } from '../shared/system-clock';
import type { WiringOptions } from '../shared/wiring-options';
import type { OrgEventsProcessorDependencies } from './org-events-processor-handler';

/** The function name (log key, user agent). */
export const ORG_EVENTS_PROCESSOR = 'org-events-processor';

/**
 * Reads the processor's configuration and creates its clients and adapters (cold start).
 *
 * @throws {HandlerConfigError} when the environment is incomplete.
 * @example
 * ```ts
 * export const handler = createOrgEventsProcessorHandler(createProcessorDependencies(process.env));
 * ```
 */
export function createProcessorDependencies(
  env: Environment,
  options: WiringOptions = {},
): OrgEventsProcessorDependencies {
  const config = readHandlerConfig(env, ORG_EVENTS_PROCESSOR);
  const clock = options.clock ?? systemClock;
  const target = {
    config,
    functionName: ORG_EVENTS_PROCESSOR,
    customizeClient: options.customizeClient,
  };
  const state = new StatePorts(target, clock);
  return {
    process: {
      ...organizationReaders(target),
      provisionedState: state.provisionedState(),
      rules: state.rules(),
      queue: state.queue(),
      audit: state.audit(),
      clock,
    },
    failures: state.failures(),
    markers: state.markers(),
    observability: options.observability ?? createLambdaObservability(ORG_EVENTS_PROCESSOR, env),
  };
}
