import { parseGovernanceConfig, resolveConfig } from '../../src';
import { org } from '../helpers/builders';

describe('resolveConfig', () => {
  const text = [
    'scpRules:', //                                                                  1
    '  - id: a', //                                                                  2
    '    policies: [DenyLeaveOrg, p-aaaa1111, NoSuchPolicy]', //                     3
    '    scope: { type: ou, id: ou-ab12-99999999 }', //                              4
    '    exclude: { accounts: ["999999999999"], ous: [ou-ab12-88888888, ou-ab12-33333333] }', // 5
    'assignmentRules:', //                                                           6
    '  - id: b', //                                                                  7
    '    permissionSet: NoSuchSet', //                                               8
    '    principal: { type: USER, name: ghost }', //                                 9
    '    scope: { type: account, id: "999999999999" }', //                           10
    '  - id: c', //                                                                  11
    '    permissionSet: ReadOnly', //                                                12
    '    principal: { type: GROUP, id: 90671234-aaaa-bbbb-cccc-111111111111 }', //   13
    '    scope: { type: accountTag, key: env }', //                                  14
  ].join('\n');
  const config = parseGovernanceConfig(text, 'governance.yaml');

  it('lists names that do not resolve as warnings with paths', () => {
    expect(resolveConfig(config, org())).toStrictEqual([
      {
        path: 'scpRules[0].policies[2]',
        message: 'policy "NoSuchPolicy" not found in the organization',
      },
      {
        path: 'scpRules[0].scope.id',
        message: 'OU "ou-ab12-99999999" not found in the organization',
      },
      {
        path: 'scpRules[0].exclude.ous[0]',
        message: 'OU "ou-ab12-88888888" not found in the organization',
      },
      {
        path: 'scpRules[0].exclude.accounts[0]',
        message: 'account "999999999999" not found in the organization',
      },
      {
        path: 'assignmentRules[0].permissionSet',
        message: 'permission set "NoSuchSet" not found in Identity Center',
      },
      {
        path: 'assignmentRules[0].principal',
        message: 'principal USER ghost not found in Identity Center',
      },
      {
        path: 'assignmentRules[0].scope.id',
        message: 'account "999999999999" not found in the organization',
      },
    ]);
  });

  it('adds lines when given a locator', () => {
    const lines: Record<string, number> = { 'scpRules,0,policies,2': 3 };
    const warnings = resolveConfig(config, org(), (path) => lines[path.join(',')]);
    expect(warnings[0]).toStrictEqual({
      path: 'scpRules[0].policies[2]',
      message: 'policy "NoSuchPolicy" not found in the organization',
      line: 3,
    });
  });
});
