import { formatProblem, parseOrgSnapshot, SnapshotError } from '../../src';

function problemsOf(input: string | object, source = 'org.yaml'): string[] {
  try {
    parseOrgSnapshot(input, source);
    return [];
  } catch (error) {
    if (error instanceof SnapshotError) return error.problems.map(formatProblem);
    throw error;
  }
}

describe('parseOrgSnapshot', () => {
  it('parses the SPEC §4 example with defaults', () => {
    const text = [
      'managementAccountId: "111111111111"',
      'rootId: r-ab12',
      'organizationalUnits:',
      '  - { id: ou-ab12-11111111, name: Workloads, parentId: r-ab12 }',
      'accounts:',
      '  - { id: "222222222222", name: app-prod, email: a@example.com, parentId: ou-ab12-11111111, status: ACTIVE, tags: { env: prod } }',
      '  - { id: "333333333333", name: bare, parentId: r-ab12 }',
      'policies:',
      '  - { id: p-FullAWSAccess, name: FullAWSAccess }',
      'attachments:',
      '  - { targetId: "222222222222", policyId: p-FullAWSAccess }',
      '  - { targetId: r-ab12, policyId: p-FullAWSAccess, managedBy: [] }',
    ].join('\n');
    expect(parseOrgSnapshot(text, 'org.yaml')).toStrictEqual({
      managementAccountId: '111111111111',
      rootId: 'r-ab12',
      organizationalUnits: [{ id: 'ou-ab12-11111111', name: 'Workloads', parentId: 'r-ab12' }],
      accounts: [
        {
          id: '222222222222',
          name: 'app-prod',
          email: 'a@example.com',
          parentId: 'ou-ab12-11111111',
          status: 'ACTIVE',
          tags: { env: 'prod' },
        },
        { id: '333333333333', name: 'bare', parentId: 'r-ab12', status: 'ACTIVE', tags: {} },
      ],
      policies: [{ id: 'p-FullAWSAccess', name: 'FullAWSAccess' }],
      permissionSets: [],
      principals: [],
      attachments: [
        { targetId: '222222222222', policyId: 'p-FullAWSAccess' },
        { targetId: 'r-ab12', policyId: 'p-FullAWSAccess', managedBy: [] },
      ],
      assignments: [],
    });
  });

  it('parses JSON text and plain objects alike', () => {
    const data = { managementAccountId: '111111111111', rootId: 'r-ab12' };
    expect(parseOrgSnapshot(JSON.stringify(data), 'org.json')).toStrictEqual(
      parseOrgSnapshot(data),
    );
  });

  it('lists every shape and reference problem with its path and line', () => {
    const text = [
      'managementAccountId: 111111111111', //                                    1
      'rootId: root', //                                                          2
      'organizationalUnits:', //                                                  3
      '  - { id: ou-ab12-11111111, name: A, parentId: ou-ab12-22222222 }', //     4
      '  - { id: ou-ab12-22222222, name: B, parentId: ou-ab12-11111111 }', //     5
      '  - { id: ou-ab12-33333333, name: C, parentId: ou-ab12-99999999 }', //     6
      'accounts:', //                                                             7
      '  - { id: "222222222222", name: a, parentId: r-ab12, status: GONE }', //   8
      '  - { id: "222222222222", name: b, parentId: ou-ab12-77777777 }', //       9
      '  - { id: "444444444444", name: c, parentId: r-ab12, tag: { env: x } }', // 10
      'policies:', //                                                             11
      '  - { id: p-FullAWSAccess, name: FullAWSAccess }', //                      12
      'attachments:', //                                                          13
      '  - { targetId: "555555555555", policyId: p-aaaa1111 }', //                14
      'assignments:', //                                                          15
      '  - { accountId: "666666666666", permissionSetArn: "arn:aws:sso:::permissionSet/x", principalType: GROUP, principalId: g }', // 16
    ].join('\n');
    expect(problemsOf(text)).toStrictEqual([
      'line 1: managementAccountId: expected a string, got number 111111111111 (write it in quotes: YAML reads unquoted digits as a number)',
      'line 2: rootId: expected a root id like r-ab12; got "root"',
      'line 4: organizationalUnits[0].parentId: OU "ou-ab12-11111111" is its own ancestor',
      'line 5: organizationalUnits[1].parentId: OU "ou-ab12-22222222" is its own ancestor',
      'line 6: organizationalUnits[2].parentId: unknown parent "ou-ab12-99999999"',
      'line 8: accounts[0].status: expected one of: ACTIVE, SUSPENDED, PENDING_CLOSURE; got "GONE"',
      'line 9: accounts[1].id: duplicate account id "222222222222" (also at accounts[0])',
      'line 9: accounts[1].parentId: unknown parent "ou-ab12-77777777"',
      'line 10: accounts[2].tag: unknown field "tag"',
      'line 14: attachments[0].targetId: unknown account, OU or root "555555555555"',
      'line 14: attachments[0].policyId: unknown policy "p-aaaa1111"',
      'line 16: assignments[0].accountId: unknown account "666666666666"',
    ]);
  });

  it('detects OU cycles once the parents exist', () => {
    const data = {
      managementAccountId: '111111111111',
      rootId: 'r-ab12',
      organizationalUnits: [
        { id: 'ou-ab12-11111111', name: 'A', parentId: 'ou-ab12-22222222' },
        { id: 'ou-ab12-22222222', name: 'B', parentId: 'ou-ab12-11111111' },
        { id: 'ou-ab12-33333333', name: 'C', parentId: 'ou-ab12-11111111' },
      ],
    };
    expect(problemsOf(data)).toStrictEqual([
      'organizationalUnits[0].parentId: OU "ou-ab12-11111111" is its own ancestor',
      'organizationalUnits[1].parentId: OU "ou-ab12-22222222" is its own ancestor',
    ]);
  });

  it('reports duplicate names, principals and items', () => {
    const arn = 'arn:aws:sso:::permissionSet/ssoins-1/ps-1';
    const arn2 = 'arn:aws:sso:::permissionSet/ssoins-1/ps-2';
    const arn3 = 'arn:aws:sso:::permissionSet/ssoins-1/ps-3';
    const data = {
      managementAccountId: '111111111111',
      rootId: 'r-ab12',
      accounts: [{ id: '222222222222', name: 'a', parentId: 'r-ab12' }],
      policies: [
        { id: 'p-aaaa1111', name: 'Deny' },
        { id: 'p-bbbb2222', name: 'Deny' },
      ],
      permissionSets: [
        { name: 'RO', arn },
        { name: 'RO', arn },
      ],
      principals: [
        { type: 'GROUP', name: 'G', id: 'g1' },
        { type: 'GROUP', name: 'G', id: 'g1' },
        { type: 'USER', name: 'G', id: 'g1' },
      ],
      attachments: [
        { targetId: '222222222222', policyId: 'p-aaaa1111' },
        { targetId: '222222222222', policyId: 'p-aaaa1111', managedBy: ['x'] },
      ],
      assignments: [
        {
          accountId: '222222222222',
          permissionSetArn: arn,
          principalType: 'GROUP',
          principalId: 'g1',
        },
        {
          accountId: '222222222222',
          permissionSetArn: arn,
          principalType: 'GROUP',
          principalId: 'g1',
        },
        // Same account and principal, other permission sets: only an exact repeat is reported.
        ...[arn2, arn3, arn2].map((permissionSetArn) => ({
          accountId: '222222222222',
          permissionSetArn,
          principalType: 'GROUP',
          principalId: 'g1',
        })),
      ],
    };
    expect(problemsOf(data)).toStrictEqual([
      'policies[1].name: duplicate policy name "Deny" (also at policies[0])',
      'permissionSets[1].arn: duplicate permission set ARN "arn:aws:sso:::permissionSet/ssoins-1/ps-1" (also at permissionSets[0])',
      'permissionSets[1].name: duplicate permission set name "RO" (also at permissionSets[0])',
      'principals[1].id: duplicate principal "GROUP g1" (also at principals[0])',
      'principals[1].name: duplicate principal "GROUP G" (also at principals[0])',
      'attachments[1].policyId: duplicate attachment "222222222222 p-aaaa1111" (also at attachments[0])',
      'assignments[1].principalId: duplicate assignment "222222222222 arn:aws:sso:::permissionSet/ssoins-1/ps-1 GROUP g1" (also at assignments[0])',
      'assignments[4].principalId: duplicate assignment "222222222222 arn:aws:sso:::permissionSet/ssoins-1/ps-2 GROUP g1" (also at assignments[2])',
    ]);
  });

  it.each([
    ['an empty document', '', ['(document): the document is empty']],
    [
      'bad YAML',
      'rootId: [',
      [
        'line 1: (document): invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    ],
    [
      'a missing root id',
      'managementAccountId: "111111111111"',
      ['line 1: rootId: missing required field'],
    ],
  ])('reports %s', (_name, text, expected) => {
    expect(problemsOf(text)).toStrictEqual(expected);
  });

  it('explains itself in the error message', () => {
    expect(() => parseOrgSnapshot('rootId: r-ab12', 'org.yaml')).toThrow(
      'org.yaml is not a valid organization snapshot: 1 problem\n  - line 1: managementAccountId: missing required field',
    );
  });
});
