import {
  directoryAdapter,
  identityCenterAdapter,
  identityCenterTarget,
} from '../shared/aws/identity-center';
import { functionWiring, pipelinePorts } from '../shared/aws/pipeline-wiring';
import {
  directoryViewStore,
  failureTopic,
  onceMarkers,
  storedDirectoryView,
  topicPublisher,
} from '../shared/aws/state-ports';
import type { Environment } from '@org/contracts';
import { readProcessorConfig } from '../shared/config/handler-config';
import { createLambdaObservability } from '../shared/observability/observability';
import { functionBudgets } from '../shared/quota/function-budgets';
import type { WiringOptions } from '../shared/wiring-options';
import type { OrgEventsProcessorDependencies } from './org-events-processor-handler';

/** The function name (log key, user agent). */
export const ORG_EVENTS_PROCESSOR = 'org-events-processor';

/**
 * Reads the processor's configuration and creates its clients and adapters (cold start):
 * Organizations (the account is re-read for every event, within the Organizations read budget
 * every caller shares through `IDEMPOTENCY_TABLE`), Identity Center (its `DescribeGroup` /
 * `DescribeUser` and the instance's discovery within the Identity Center rate the worker and the
 * reconciler share, `IDENTITY_CENTER_REQUESTS_PER_SECOND`), DynamoDB (rules, provisioned state,
 * the stored directory view, audit, markers), SQS (the operations queue) and SNS (the failure
 * topic, where changes made by hand are alerted too). Permission sets and principals come from
 * the directory view the reconciler stores, assignments from the provisioned state (see the
 * README); the Identity Store client (`SSO_ROLE_ARN` assumed when set) only names the group or
 * user a directory event creates.
 *
 * @throws {HandlerEnvironmentError} when the environment is incomplete.
 * @example
 * ```ts
 * export const handler = createOrgEventsProcessorHandler(createProcessorDependencies(process.env));
 * ```
 */
export function createProcessorDependencies(
  env: Environment,
  options: WiringOptions = {},
): OrgEventsProcessorDependencies {
  const wiring = functionWiring(readProcessorConfig(env), ORG_EVENTS_PROCESSOR, options);
  const { config, clock, target, documents } = wiring;
  const failures = failureTopic(topicPublisher(target), config);
  // Its Organizations and Identity Center requests take tokens of the budgets every caller shares.
  const budgets = functionBudgets(wiring, options);
  const ports = pipelinePorts(wiring, budgets);
  // Names the groups and users of directory events (DescribeGroup / DescribeUser), as the
  // delegated administrator role when one is configured. Its own role may not discover the
  // instance (no sso:ListInstances): without IDENTITY_STORE_ID nor a role, names stay unknown and
  // only the rules naming a new principal by id are planned (the reconcile does the rest).
  const asAdministrator = identityCenterTarget(target);
  const named =
    config.identityCenterInstance !== undefined || config.identityCenterRoleArn !== undefined;
  const budget = budgets.identityCenter;
  const principalNames = named
    ? {
        principalNames: directoryAdapter(
          asAdministrator,
          identityCenterAdapter(asAdministrator, { budget }),
          budget,
        ),
      }
    : {};
  return {
    productRoleArns: config.productRoleArns ?? [],
    process: {
      ...ports,
      directoryView: storedDirectoryView(documents, config, clock),
      ...principalNames,
      organizationReads: ports.organizations,
      outOfBandAlerts: failures,
      directoryViews: directoryViewStore(documents, config),
      // UntrustedTag skips are alerted where processing failures go.
      failures,
    },
    failures,
    markers: onceMarkers(documents, config, clock),
    observability: options.observability ?? createLambdaObservability(ORG_EVENTS_PROCESSOR, env),
  };
}
