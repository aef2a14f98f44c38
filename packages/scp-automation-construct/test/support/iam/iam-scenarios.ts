/**
 * The deployments the IAM allow-list is checked against (test helper): default props (instance
 * discovered), the fullest props with forwarders, and management-account assignments without
 * delegation (instance configured). Each synthesizes once; `adjust` changes the construct before
 * synthesis (to prove the check bites).
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { GovernanceConfig } from '@org/scope-engine';
import {
  ForwardedEvents,
  OrgEventForwarder,
  OrgGovernance,
  type OrgGovernanceProps,
} from '../../../src';
import { FULL_CONFIG } from '../governance-config';
import { MANAGEMENT_ACCOUNT } from '../synth';
import type { IamFeature } from './iam-allow-list';
import type { ReviewedPrincipal, SynthesizedStack } from './observed-roles';

/** One synthesized deployment and the roles the allow-list names in it. */
export interface IamScenario {
  readonly features: ReadonlySet<IamFeature>;
  readonly stacks: readonly SynthesizedStack[];
  readonly principals: readonly ReviewedPrincipal[];
}

/** Changes a governance construct before synthesis. */
export type AdjustGovernance = (governance: OrgGovernance) => void;

/** A deployment to check: its name, the features it has, and how to synthesize it. */
export interface IamScenarioSpec {
  readonly name: string;
  readonly features: readonly IamFeature[];
  readonly build: (adjust?: AdjustGovernance) => Omit<IamScenario, 'features'>;
}

const CENTRAL_ACCOUNT = '222222222222';
const INCLUDING_MANAGEMENT_ACCOUNT: GovernanceConfig = {
  ...FULL_CONFIG,
  settings: { ...FULL_CONFIG.settings, includeManagementAccount: true },
};

/**
 * The four functions' execution roles, the reconcile state machine's role and the role its
 * schedule starts it with, named as in the allow-list.
 */
function functionPrincipals(governance: OrgGovernance): ReviewedPrincipal[] {
  const scheduleRole = governance.node
    .findChild('Events')
    .node.findChild('ReconcileScheduleRole') as iam.IRole;
  return [
    { key: 'org-events-processor', function: governance.orgEventsProcessor },
    { key: 'operations-worker', function: governance.operationsWorker },
    { key: 'vending-notifier', function: governance.vendingNotifier },
    { key: 'reconciler', function: governance.reconciler },
    { key: 'reconcile-state-machine', role: governance.reconcileStateMachine.role },
    { key: 'reconcile-schedule', role: scheduleRole },
  ];
}

/** An app without CDK's built-in template validation (seconds per synth; not needed here). */
function newApp(): App {
  return new App({ builtinCloudFormationValidation: false });
}

/** Synthesizes stacks once. */
function synthesize(stacks: readonly Stack[]): SynthesizedStack[] {
  return stacks.map((stack) => ({ stack, template: Template.fromStack(stack) }));
}

/** One governance stack in us-east-1 of the management account. */
function managementAccountDeployment(
  props: Omit<OrgGovernanceProps, 'governanceConfig'> & { governanceConfig?: GovernanceConfig },
  adjust?: AdjustGovernance,
): Omit<IamScenario, 'features'> {
  const stack = new Stack(newApp(), 'Governance', {
    env: { account: MANAGEMENT_ACCOUNT, region: 'us-east-1' },
  });
  const governance = new OrgGovernance(stack, 'OrgGovernance', {
    governanceConfig: FULL_CONFIG,
    ...props,
  });
  adjust?.(governance);
  return { stacks: synthesize([stack]), principals: functionPrincipals(governance) };
}

/** Central stack with every option in a delegated account, plus both forwarders. */
function fullestDeployment(adjust?: AdjustGovernance): Omit<IamScenario, 'features'> {
  const app = newApp();
  const central = new Stack(app, 'Central', {
    env: { account: CENTRAL_ACCOUNT, region: 'eu-west-1' },
  });
  const governance = new OrgGovernance(central, 'OrgGovernance', {
    governanceConfig: INCLUDING_MANAGEMENT_ACCOUNT,
    managementAccountId: MANAGEMENT_ACCOUNT,
    organizationId: 'o-exampleorg1',
    identityCenterRoleArn: 'arn:aws:iam::111111111111:role/OrgGovernanceIdentityCenter',
    ssoInstanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
    identityStoreId: 'd-1234567890',
    consumeDefaultBus: false,
    failureNotificationEmails: ['platform-oncall@example.com'],
    failureNotificationUrls: ['https://hooks.example.com/org-governance'],
    organizationTrail: true,
  });
  adjust?.(governance);
  const bus = OrgGovernance.centralEventBusArn(CENTRAL_ACCOUNT, 'eu-west-1');
  const forwarders = (
    [
      ['ForwarderUsEast1', 'us-east-1', ForwardedEvents.ORGANIZATIONS],
      ['ForwarderHome', 'eu-central-1', ForwardedEvents.CONTROL_TOWER],
    ] as const
  ).map(([name, region, kind]) => {
    const stack = new Stack(app, name, { env: { account: MANAGEMENT_ACCOUNT, region } });
    const forwarder = new OrgEventForwarder(stack, 'Forwarder', {
      targetEventBusArn: bus,
      forwardedEvents: [kind],
    });
    return { stack, principal: { key: 'event-forwarder', role: forwarder.role } };
  });
  return {
    stacks: synthesize([central, ...forwarders.map((f) => f.stack)]),
    principals: [...functionPrincipals(governance), ...forwarders.map((f) => f.principal)],
  };
}

/**
 * The deployments of the allow-list test, in order.
 *
 * @example
 * ```ts
 * const [defaults] = IAM_SCENARIOS;
 * const scenario = defaults.build();
 * ```
 */
export const IAM_SCENARIOS: readonly IamScenarioSpec[] = [
  {
    name: 'default props',
    features: ['directIdentityCenter', 'discoveredIdentityCenterInstance'],
    build: (adjust) => managementAccountDeployment({}, adjust),
  },
  {
    name: 'fullest props (delegated Identity Center role, management account, trail, forwarders)',
    features: ['delegatedIdentityCenter', 'managementAccountAssignments', 'forwarders'],
    build: fullestDeployment,
  },
  {
    name: 'management-account assignments without delegation, trail',
    features: ['directIdentityCenter', 'managementAccountAssignments'],
    build: (adjust) =>
      managementAccountDeployment(
        {
          governanceConfig: INCLUDING_MANAGEMENT_ACCOUNT,
          organizationId: 'o-exampleorg1',
          ssoInstanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
          identityStoreId: 'd-1234567890',
          organizationTrail: true,
        },
        adjust,
      ),
  },
];

/**
 * Synthesizes one deployment.
 *
 * @example
 * ```ts
 * const scenario = buildIamScenario(IAM_SCENARIOS[0], (g) => g.operationsWorker.addToRolePolicy(statement));
 * ```
 */
export function buildIamScenario(spec: IamScenarioSpec, adjust?: AdjustGovernance): IamScenario {
  return { features: new Set(spec.features), ...spec.build(adjust) };
}
