/**
 * Least privilege, tested: every action every role of the synthesized stacks may perform equals
 * the reviewed allow-list (`test/iam-allow-list.json`) in both directions — for the default
 * props, the fullest props with forwarders, and management-account assignments — and no role
 * holds a forbidden action or a managed policy.
 */
import { allowListDifferences } from './support/iam/allow-list-differences';
import { forbiddenActionFindings } from './support/iam/forbidden-actions';
import {
  allowListedActions,
  expectedRoles,
  loadIamAllowList,
  type IamAllowList,
} from './support/iam/iam-allow-list';
import { buildIamScenario, IAM_SCENARIOS, type IamScenario } from './support/iam/iam-scenarios';
import { observeIam, type ObservedIam } from './support/iam/observed-roles';

/** Synthesis of a whole deployment takes seconds on a busy CI runner. */
const SYNTH_TIMEOUT_MS = 120_000;

let allowList: IamAllowList;
beforeAll(() => {
  allowList = loadIamAllowList();
});

describe.each(IAM_SCENARIOS)('$name', (spec) => {
  let scenario: IamScenario;
  let observed: ObservedIam;
  beforeAll(() => {
    scenario = buildIamScenario(spec);
    observed = observeIam(scenario.stacks, scenario.principals);
  }, SYNTH_TIMEOUT_MS);

  it('creates exactly the roles the allow-list expects', () => {
    const roles = observed.roles.map((role) => role.key ?? `${role.stackName}/${role.logicalId}`);
    expect([...new Set(roles)].sort()).toStrictEqual(
      Object.keys(expectedRoles(allowList, scenario.features)).sort(),
    );
  });

  it('each role may perform exactly its allow-listed actions: no difference either way', () => {
    expect(allowListDifferences(observed, allowList, scenario.features)).toStrictEqual([]);
  });

  it('no role holds a forbidden action', () => {
    expect(forbiddenActionFindings(observed.roles.flatMap((role) => role.actions))).toStrictEqual(
      [],
    );
  });

  it('every role carries the reviewed explicit denies (never detach FullAWSAccess / RCPFullAWSAccess)', () => {
    const missing = observed.roles.flatMap((role) =>
      Object.keys(allowList.denies)
        .filter((deny) => !role.denies.includes(deny))
        .map((deny) => `${role.key ?? role.logicalId} lacks ${deny}`),
    );
    expect({ roles: observed.roles.length > 0, missing }).toStrictEqual({
      roles: true,
      missing: [],
    });
  });

  it('no role has a managed policy or a NotAction grant', () => {
    expect(
      observed.roles.flatMap((role) => [...role.managedPolicies, ...role.notActions]),
    ).toStrictEqual([]);
  });
});

describe('the allow-list itself', () => {
  it('grants no forbidden action', () => {
    expect(forbiddenActionFindings(allowListedActions(allowList))).toStrictEqual([]);
  });

  it('allows no managed policy', () => {
    expect(allowList.managedPolicies).toStrictEqual({});
  });

  it('denies detaching FullAWSAccess and RCPFullAWSAccess, by their AWS-managed policy ARNs', () => {
    expect(Object.keys(allowList.denies).sort()).toStrictEqual([
      'organizations:DetachPolicy on arn:aws:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess',
      'organizations:DetachPolicy on arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess',
    ]);
  });

  it('is reviewed for every scenario: each entry is expected by at least one of them', () => {
    const covered = IAM_SCENARIOS.flatMap((spec) =>
      Object.entries(expectedRoles(allowList, new Set(spec.features))).flatMap(([key, actions]) =>
        actions.map((action) => `${key} ${action}`),
      ),
    );
    const listed = Object.entries(allowList.roles).flatMap(([key, role]) =>
      Object.keys(role.actions).map((action) => `${key} ${action}`),
    );
    expect([...new Set(covered)].sort()).toStrictEqual(listed.sort());
  });
});

describe('forbidden actions', () => {
  it.each([
    ['*', ['*: any wildcard in an action', '*: the "*" action']],
    [
      'iam:*',
      [
        'iam:*: a service-wide wildcard (service:*)',
        'iam:*: any wildcard in an action',
        'iam:*: iam:*',
      ],
    ],
    [
      'organizations:Delete*',
      [
        'organizations:Delete*: any wildcard in an action',
        'organizations:Delete*: organizations:Delete*',
      ],
    ],
    [
      'organizations:DeleteOrganization',
      [
        'organizations:DeleteOrganization: organizations:*Organization other than DescribeOrganization',
        'organizations:DeleteOrganization: organizations:Delete*',
      ],
    ],
    [
      'Organizations:LeaveOrganization',
      [
        'Organizations:LeaveOrganization: organizations:*Organization other than DescribeOrganization',
      ],
    ],
    [
      'sso:DeletePermissionSet',
      ['sso:DeletePermissionSet: sso:DeletePermissionSet / sso:DeleteInstance'],
    ],
    ['organizations:DescribeOrganization', []],
    ['organizations:AttachPolicy', []],
  ])('%s', (action, findings) => {
    expect(forbiddenActionFindings([action])).toStrictEqual(findings);
  });
});
