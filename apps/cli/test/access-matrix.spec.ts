import { Planner } from '@org/scope-engine';
import {
  accessCsv,
  accessJson,
  buildAccessMatrix,
  csvField,
  groupGrants,
  renderAccess,
  type AccessGrant,
  type AccessMatrix,
} from '../src';
import { accessConfig, accessOrg, PRINCIPAL, PS } from './helpers/access-org';

const ALPHA_OPS: AccessGrant = {
  principalType: 'GROUP',
  principalId: PRINCIPAL.ops,
  principalName: 'Ops',
  permissionSetArn: PS.read,
  permissionSetName: 'ReadOnly',
  accountId: '200000000002',
  accountName: 'alpha, inc',
  ruleIds: ['alpha-read', 'ops-read'],
  state: 'assigned',
};
const BETA_OPS: AccessGrant = {
  ...ALPHA_OPS,
  accountId: '200000000001',
  accountName: 'beta',
  ruleIds: ['ops-read'],
  state: 'to create',
};
const BETA_FORMULA: AccessGrant = {
  principalType: 'USER',
  principalId: PRINCIPAL.formula,
  principalName: '=HYPERLINK("x")',
  permissionSetArn: PS.admin,
  permissionSetName: 'Admin',
  accountId: '200000000001',
  accountName: 'beta',
  ruleIds: ['team-admin'],
  state: 'to create',
};
const MATRIX: AccessMatrix = { grants: [ALPHA_OPS, BETA_OPS, BETA_FORMULA] };

describe('buildAccessMatrix', () => {
  it('lists every desired assignment once, with its rules and state, in principal order', () => {
    expect(buildAccessMatrix(Planner.create(accessOrg(), accessConfig()))).toStrictEqual(MATRIX);
  });

  it('is empty when no rule grants anything', () => {
    const config = { ...accessConfig(), assignmentRules: [] };
    expect(buildAccessMatrix(Planner.create(accessOrg(), config))).toStrictEqual({ grants: [] });
  });
});

describe('groupGrants', () => {
  it.each([
    ['principal', [[ALPHA_OPS, BETA_OPS], [BETA_FORMULA]]],
    ['account', [[ALPHA_OPS], [BETA_OPS, BETA_FORMULA]]],
  ] as const)('by %s', (by, expected) => {
    expect(groupGrants(MATRIX, by).map((g) => g.grants)).toStrictEqual(expected);
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['a-b', 'a-b'],
  ])('csvField(%j) = %j', (input, expected) => {
    expect(csvField(input)).toStrictEqual(expected);
  });
});

describe('access exports', () => {
  it('CSV: header and one line per grant, quoted and formula-safe', () => {
    expect(accessCsv(MATRIX)).toStrictEqual(
      [
        'principal_type,principal_name,principal_id,permission_set_name,permission_set_arn,account_id,account_name,rule_ids,state',
        `GROUP,Ops,${PRINCIPAL.ops},ReadOnly,${PS.read},200000000002,"alpha, inc",alpha-read ops-read,assigned`,
        `GROUP,Ops,${PRINCIPAL.ops},ReadOnly,${PS.read},200000000001,beta,ops-read,to create`,
        `USER,"'=HYPERLINK(""x"")",${PRINCIPAL.formula},Admin,${PS.admin},200000000001,beta,team-admin,to create`,
        '',
      ].join('\r\n'),
    );
  });

  it('CSV of an empty matrix is the header line', () => {
    expect(accessCsv({ grants: [] })).toStrictEqual(
      'principal_type,principal_name,principal_id,permission_set_name,permission_set_arn,account_id,account_name,rule_ids,state\r\n',
    );
  });

  it('JSON: the grants, indented, newline-terminated', () => {
    const text = accessJson({ grants: [BETA_FORMULA] });
    expect(text).toStrictEqual(`{
  "grants": [
    {
      "principalType": "USER",
      "principalId": "${PRINCIPAL.formula}",
      "principalName": "=HYPERLINK(\\"x\\")",
      "permissionSetArn": "${PS.admin}",
      "permissionSetName": "Admin",
      "accountId": "200000000001",
      "accountName": "beta",
      "ruleIds": [
        "team-admin"
      ],
      "state": "to create"
    }
  ]
}
`);
  });

  it('JSON parses back to the matrix', () => {
    expect(JSON.parse(accessJson(MATRIX))).toStrictEqual(MATRIX);
  });
});

describe('renderAccess', () => {
  it('renders both views, one row per grant in each, everything escaped', () => {
    const evil: AccessGrant = { ...BETA_FORMULA, principalName: '<script>alert(1)</script>' };
    const html = renderAccess({ grants: [ALPHA_OPS, evil] });
    expect([
      html.match(/<tr class="grant"/g)?.length,
      html.match(/<details class="group"/g)?.length,
      html.includes('<script'),
      html.match(/&lt;script&gt;alert\(1\)&lt;\/script&gt;/g)?.length,
      html.includes('data-search="group ops 90671234-aaaa-bbbb-cccc-111111111111 readonly'),
    ]).toStrictEqual([4, 4, false, 4, true]);
  });

  it('says so when the rules grant nothing', () => {
    const html = renderAccess({ grants: [] });
    expect([
      html.includes('The rules grant no assignment.'),
      html.includes('<table'),
    ]).toStrictEqual([true, false]);
  });
});
