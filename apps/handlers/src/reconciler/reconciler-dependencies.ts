import {
  directoryAdapter,
  identityCenterAdapter,
  identityCenterTarget,
} from '../shared/aws/identity-center';
import { functionWiring, pipelinePorts } from '../shared/aws/pipeline-wiring';
import { directoryViewStore, failureTopic, topicPublisher } from '../shared/aws/state-ports';
import type { Environment } from '@org/contracts';
import { readReconcilerConfig } from '../shared/config/handler-config';
import { pauseSwitch } from '../shared/pause/pause-switch-port';
import { createLambdaObservability } from '../shared/observability/observability';
import { functionBudgets } from '../shared/quota/function-budgets';
import type { WiringOptions } from '../shared/wiring-options';
import type { ReconcilerDependencies } from './reconciler-handler';

/** The function name (log key, user agent). */
export const RECONCILER = 'reconciler';

/**
 * Reads the reconciler's configuration and creates its clients and adapters (cold start): the
 * whole organization live (Organizations, Identity Center, Identity Store — as `SSO_ROLE_ARN` when
 * set), DynamoDB (rules, provisioned state, audit, the directory view it stores for the
 * processor, the pause switch and its run record), SQS and SNS.
 *
 * @throws {HandlerEnvironmentError} when the environment is incomplete.
 * @example
 * ```ts
 * export const handler = createReconcilerHandler(createReconcilerDependencies(process.env));
 * ```
 */
export function createReconcilerDependencies(
  env: Environment,
  options: WiringOptions = {},
): ReconcilerDependencies {
  const wiring = functionWiring(readReconcilerConfig(env), RECONCILER, options);
  const { config, target, documents } = wiring;
  const asAdministrator = identityCenterTarget(target);
  const identityCenter = identityCenterAdapter(asAdministrator);
  const failures = failureTopic(topicPublisher(target), config);
  const control = pauseSwitch(documents, config);
  return {
    reconcile: {
      // Its Organizations reads within the budget every caller shares.
      ...pipelinePorts(wiring, functionBudgets(wiring, options)),
      identityCenter,
      directory: directoryAdapter(asAdministrator, identityCenter),
      directoryViews: directoryViewStore(documents, config),
      failures,
      pauseSwitch: control,
      runLog: control,
    },
    failures,
    observability: options.observability ?? createLambdaObservability(RECONCILER, env),
    dryRunByDefault: config.dryRun,
  };
}
