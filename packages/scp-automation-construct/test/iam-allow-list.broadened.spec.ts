/**
 * The allow-list check bites: a role broadened in any way — a wider action, a managed policy, a
 * NotAction grant, a role nobody reviewed — and an allow-list entry nothing uses are each
 * reported by the same comparison the allow-list test expects to be empty.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import { allowListDifferences } from './support/iam/allow-list-differences';
import { forbiddenActionFindings } from './support/iam/forbidden-actions';
import { loadIamAllowList, type IamAllowList } from './support/iam/iam-allow-list';
import {
  buildIamScenario,
  IAM_SCENARIOS,
  type AdjustGovernance,
  type IamScenario,
} from './support/iam/iam-scenarios';
import { observeIam, type ObservedIam } from './support/iam/observed-roles';

const SYNTH_TIMEOUT_MS = 120_000;
const [DEFAULT_PROPS] = IAM_SCENARIOS;

const broadenWorker: AdjustGovernance = (governance) => {
  governance.operationsWorker.addToRolePolicy(
    new iam.PolicyStatement({ actions: ['organizations:*'], resources: ['*'] }),
  );
};

const broadenOtherwise: AdjustGovernance = (governance) => {
  governance.vendingNotifier.role?.addManagedPolicy(
    iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess'),
  );
  governance.reconciler.addToRolePolicy(
    new iam.PolicyStatement({ notActions: ['iam:*'], resources: ['*'] }),
  );
  const unreviewed = new iam.Role(governance, 'Unreviewed', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  });
  unreviewed.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }),
  );
  (unreviewed.node.defaultChild as iam.CfnRole).overrideLogicalId('UnreviewedRole');
};

describe.each([
  {
    name: 'organizations:* added to the worker',
    adjust: broadenWorker,
    differences: [
      'operations-worker in Governance may perform organizations:*, which the allow-list does not grant',
    ],
    forbidden: [
      'organizations:*: a service-wide wildcard (service:*)',
      'organizations:*: any wildcard in an action',
    ],
  },
  {
    name: 'a managed policy on the notifier, NotAction on the reconciler, an unreviewed role',
    adjust: broadenOtherwise,
    differences: [
      'Governance/UnreviewedRole is a role the allow-list does not review; it may perform s3:GetObject',
      'reconciler in Governance may perform everything but iam:* (NotAction)',
      'vending-notifier in Governance has managed policy arn:aws:iam::aws:policy/ReadOnlyAccess, which the allow-list does not allow',
    ],
    forbidden: [],
  },
])('$name', ({ adjust, differences, forbidden }) => {
  let scenario: IamScenario;
  let observed: ObservedIam;
  let allowList: IamAllowList;
  beforeAll(() => {
    allowList = loadIamAllowList();
    scenario = buildIamScenario(DEFAULT_PROPS, adjust);
    observed = observeIam(scenario.stacks, scenario.principals);
  }, SYNTH_TIMEOUT_MS);

  it('is reported by the allow-list comparison, and nothing else is', () => {
    expect(allowListDifferences(observed, allowList, scenario.features)).toStrictEqual(differences);
  });

  it('is flagged by the forbidden-action rules when it is a wildcard', () => {
    expect(forbiddenActionFindings(observed.roles.flatMap((role) => role.actions))).toStrictEqual(
      forbidden,
    );
  });
});

describe('an allow-list entry no role uses', () => {
  let observed: ObservedIam;
  let features: IamScenario['features'];
  beforeAll(() => {
    const scenario = buildIamScenario(DEFAULT_PROPS);
    observed = observeIam(scenario.stacks, scenario.principals);
    features = scenario.features;
  }, SYNTH_TIMEOUT_MS);

  it('is reported as no longer performed', () => {
    const allowList = loadIamAllowList();
    const worker = allowList.roles['operations-worker'];
    if (worker === undefined) throw new Error('the allow-list has no operations-worker');
    const stale: IamAllowList = {
      ...allowList,
      roles: {
        ...allowList.roles,
        'operations-worker': {
          ...worker,
          actions: {
            ...worker.actions,
            'sqs:PurgeQueue': { reason: 'A stale entry nothing grants any more.' },
          },
        },
      },
    };
    expect(allowListDifferences(observed, stale, features)).toStrictEqual([
      'operations-worker in Governance no longer performs sqs:PurgeQueue, which the allow-list grants (remove the entry or restore the permission)',
    ]);
  });
});
