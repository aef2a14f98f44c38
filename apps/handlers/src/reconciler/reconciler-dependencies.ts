import {
  directoryAdapter,
  identityCenterAdapter,
  identityCenterTarget,
} from '../shared/aws/identity-center';
import { budgetRequests, organizationsBudget } from '@org/aws-adapters';
import { OrganizationReadsAdapter } from '@org/aws-adapters/reconcile-runs';
import { pacingForRates, type ReconcileDependencies } from '@org/governance-runtime';
import { organizationsClient } from '../shared/aws/clients';
import { type FunctionWiring, functionWiring, pipelinePorts } from '../shared/aws/pipeline-wiring';
import { directoryViewStore, failureTopic, topicPublisher } from '../shared/aws/state-ports';
import type { Environment } from '@org/contracts';
import { type ReconcilerConfig, readReconcilerConfig } from '../shared/config/handler-config';
import { pauseSwitch } from '../shared/pause/pause-switch-port';
import { createLambdaObservability } from '../shared/observability/observability';
import { functionBudgets } from '../shared/quota/function-budgets';
import type { WiringOptions } from '../shared/wiring-options';
import type { ReconcilerDependencies } from './reconciler-handler';

/** The function name (log key, user agent). */
export const RECONCILER = 'reconciler';

/** What the one-pass run and the sharded steps wire alike (see {@link reconcilerRunPorts}). */
export interface ReconcilerRunPorts {
  /** What a finished run writes to: the directory view, the failure topic, the pause switch (also the run log). */
  readonly finish: Pick<
    ReconcileDependencies,
    'directoryViews' | 'failures' | 'pauseSwitch' | 'runLog'
  >;
  /** The handler's failure topic, observability and dry-run default. */
  readonly handler: Omit<ReconcilerDependencies, 'reconcile' | 'wholeOrganization'>;
}

/**
 * The reconciler's ports that the one-pass run ({@link createReconcilerDependencies}) and the
 * sharded run's steps (`createReconcileStepDependencies`) build the same way: one failure topic
 * and one pause switch (which is also the run log), the directory view store, the observability
 * (`options.observability` when given) and `RECONCILE_DRY_RUN` as the default.
 *
 * @example
 * ```ts
 * const run = reconcilerRunPorts(wiring, env, options);
 * return { reconcile: { ...ports, ...run.finish }, ...run.handler };
 * ```
 */
export function reconcilerRunPorts(
  wiring: FunctionWiring<ReconcilerConfig>,
  env: Environment,
  options: WiringOptions,
): ReconcilerRunPorts {
  const { config, target, documents } = wiring;
  const failures = failureTopic(topicPublisher(target), config);
  const control = pauseSwitch(documents, config);
  return {
    finish: {
      directoryViews: directoryViewStore(documents, config),
      failures,
      pauseSwitch: control,
      runLog: control,
    },
    handler: {
      failures,
      observability: options.observability ?? createLambdaObservability(RECONCILER, env),
      dryRunByDefault: config.dryRun,
    },
  };
}

/**
 * Reads the reconciler's configuration and creates its clients and adapters (cold start): the
 * whole organization live (Organizations, Identity Center, Identity Store — as `SSO_ROLE_ARN` when
 * set), DynamoDB (rules, provisioned state, audit, the directory view it stores for the
 * processor, the pause switch and its run record), SQS and SNS. Organizations and Identity Center
 * requests take tokens of the budgets every caller shares. `wholeOrganization` holds the sharded
 * run's ports (its Organizations reads a page per call) for in-process drivers; its checkpoints
 * stay in memory.
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
  const budgets = functionBudgets(wiring, options);
  const asAdministrator = identityCenterTarget(wiring.target);
  const identityCenter = identityCenterAdapter(asAdministrator, { budget: budgets.identityCenter });
  const directory = directoryAdapter(asAdministrator, identityCenter, budgets.identityCenter);
  const ports = pipelinePorts(wiring, budgets);
  const run = reconcilerRunPorts(wiring, env, options);
  const organizations = organizationsClient(wiring.target);
  budgetRequests(organizations, organizationsBudget(budgets));
  return {
    reconcile: { ...ports, identityCenter, directory, ...run.finish },
    wholeOrganization: {
      ...ports,
      organizations: new OrganizationReadsAdapter(organizations),
      identityCenter,
      directory,
      pacing: pacingForRates(budgets.rates),
      ...run.finish,
    },
    ...run.handler,
  };
}
