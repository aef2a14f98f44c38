import { budgetRequests, organizationsBudget } from '@org/aws-adapters';
import { DynamoDbRunStore, OrganizationReadsAdapter } from '@org/aws-adapters/reconcile-runs';
import { IdentityCenterAdapter } from '@org/aws-adapters/sso-admin';
import { pacingForRates } from '@org/governance-runtime';
import type { Environment } from '@org/contracts';
import { organizationsClient, ssoAdminClient } from '../shared/aws/clients';
import { directoryAdapter, identityCenterTarget } from '../shared/aws/identity-center';
import { functionWiring, pipelinePorts } from '../shared/aws/pipeline-wiring';
import { readReconcilerConfig } from '../shared/config/handler-config';
import { functionBudgets } from '../shared/quota/function-budgets';
import type { WiringOptions } from '../shared/wiring-options';
import { RECONCILER, reconcilerRunPorts } from './reconciler-dependencies';
import type { ReconcileStepDependencies } from './reconcile-step-handler';

/**
 * The clients and adapters of a sharded run's steps (cold start). Every Organizations and
 * Identity Center request waits for a token of the service's budget, shared with every other
 * caller through the quota items of `IDEMPOTENCY_TABLE` (Organizations
 * `ORGANIZATIONS_READS_PER_SECOND`, Identity Center `IDENTITY_CENTER_REQUESTS_PER_SECOND`); the
 * run's checkpoints live in the same table. A shard enqueues what the worker drains at those rates
 * before the next (daily) run, and the finish step its detaches and deletes within what is left.
 *
 * @throws {HandlerEnvironmentError} when the environment is incomplete.
 * @example
 * ```ts
 * const step = createReconcileStepHandler(createReconcileStepDependencies(process.env));
 * ```
 */
export function createReconcileStepDependencies(
  env: Environment,
  options: WiringOptions = {},
): ReconcileStepDependencies {
  const wiring = functionWiring(readReconcilerConfig(env), RECONCILER, options);
  const { config, target, documents, clock } = wiring;
  const budgets = functionBudgets(wiring, options);
  const organizations = organizationsClient(target);
  budgetRequests(organizations, organizationsBudget(budgets));
  const asAdministrator = identityCenterTarget(target);
  const ssoAdmin = ssoAdminClient(asAdministrator);
  budgetRequests(ssoAdmin, () => budgets.identityCenter);
  const instance = config.identityCenterInstance;
  const identityCenter = new IdentityCenterAdapter(
    ssoAdmin,
    instance === undefined ? {} : { instance },
  );
  const ports = pipelinePorts(wiring, budgets);
  const runs = new DynamoDbRunStore(documents, { tableName: config.idempotencyTable });
  const run = reconcilerRunPorts(wiring, env, options);
  const reads = new OrganizationReadsAdapter(organizations);
  const pacing = pacingForRates(budgets.rates);
  return {
    prepare: {
      organizations: reads,
      identityCenter,
      directory: directoryAdapter(asAdministrator, identityCenter, budgets.identityCenter),
      provisionedState: ports.provisionedState,
      rules: ports.rules,
      runs,
      clock,
    },
    shard: {
      ...ports,
      pacing,
      organizations: reads,
      runs,
      pauseSwitch: run.finish.pauseSwitch,
      failures: run.handler.failures,
    },
    finish: { ...ports, runs, pacing, ...run.finish },
    ...run.handler,
  };
}
