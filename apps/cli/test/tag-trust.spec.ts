import { readFileSync } from 'node:fs';
import { example, planEventArgs, run } from './helpers/run';

const ACCOUNT = '222233334444';
const ADMIN_PS = 'arn:aws:sso:::permissionSet/ssoins-1/ps-2';
const ORG = [
  'managementAccountId: "111111111111"',
  'rootId: r-ab12',
  'accounts:',
  '  - { id: "111111111111", name: management, parentId: r-ab12 }',
  `  - { id: "${ACCOUNT}", name: payments, parentId: r-ab12, tags: { env: dev } }`,
  'permissionSets:',
  `  - { name: AdministratorAccess, arn: "${ADMIN_PS}" }`,
  'principals:',
  '  - { type: GROUP, name: ProdOperators, id: g-2 }',
].join('\n');

/** Prod operators get AdministratorAccess on env=prod accounts; `trusted` decides whose tags count. */
const config = (trusted: string[]) =>
  [
    `settings: { trustedTagPrincipals: ${JSON.stringify(trusted)} }`,
    'assignmentRules:',
    '  - id: prod-admins',
    '    permissionSet: AdministratorAccess',
    '    principal: { type: GROUP, id: g-2 }',
    '    scope: { type: accountTag, key: env, value: prod }',
  ].join('\n');

/** The example TagResource event (env=prod, team=payments on 222233334444), made by `arn`. */
function tagResourceBy(arn: string): string {
  const event = JSON.parse(readFileSync(example('events', 'tag-resource.json'), 'utf8')) as {
    detail: { userIdentity: Record<string, unknown> };
  };
  event.detail.userIdentity = { type: 'IAMUser', arn, accountId: '111111111111' };
  return JSON.stringify(event);
}

const MALLORY = 'arn:aws:iam::111111111111:user/mallory';
const SESSION = 'arn:aws:sts::111111111111:assumed-role/PlatformAdmin/platform-admin';
const GRANT = {
  type: 'createAssignment',
  accountId: ACCOUNT,
  permissionSetArn: ADMIN_PS,
  principalType: 'GROUP',
  principalId: 'g-2',
  ruleIds: ['prod-admins'],
};

async function plan(trusted: string[], event: string, format = 'json') {
  const files = { 'org.yaml': ORG, 'governance.yaml': config(trusted), 'event.json': event };
  return run([...planEventArgs('event.json'), '--format', format], { files });
}

describe('orgctl plan: tag trust in the preview', () => {
  const trusted = ['arn:aws:iam::111111111111:role/Platform*'];

  it('a TagResource by an untrusted principal plans no grant and one UntrustedTag skip', async () => {
    const result = await plan(trusted, tagResourceBy(MALLORY));
    expect([result.code, result.stderr]).toStrictEqual([0, '']);
    expect(JSON.parse(result.stdout)).toStrictEqual({
      event: { type: 'AccountTagsChanged', accountId: ACCOUNT },
      operations: [],
      skipped: [
        {
          accountId: ACCOUNT,
          ruleId: 'prod-admins',
          reason: 'UntrustedTag',
          detail: `tag env=prod set by ${MALLORY}, not a trusted principal`,
        },
      ],
      ignored: null,
    });
  });

  it.each([
    ['the trusted role itself', 'arn:aws:iam::111111111111:role/PlatformAdmin'],
    ['an assumed-role session of the trusted role', SESSION],
  ])('a TagResource by %s grants', async (_name, arn) => {
    const result = await plan(trusted, tagResourceBy(arn));
    expect(JSON.parse(result.stdout)).toMatchObject({ operations: [GRANT], skipped: [] });
  });

  it('a session of a role trusted by its path-qualified ARN grants (the session ARN has no path)', async () => {
    const result = await plan(
      ['arn:aws:iam::111111111111:role/ops/PlatformAdmin'],
      tagResourceBy(SESSION),
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ operations: [GRANT], skipped: [] });
  });

  it('with no trusted principals every tagger counts (v1 behaviour)', async () => {
    const result = await plan([], tagResourceBy(MALLORY));
    expect(JSON.parse(result.stdout)).toMatchObject({ operations: [GRANT], skipped: [] });
  });

  it('the table names the skip and its reason', async () => {
    const result = await plan(trusted, tagResourceBy(MALLORY), 'table');
    expect(result.stdout).toContain('UntrustedTag');
    expect(result.stdout).toContain(MALLORY);
  });

  it('an aws.tag event names nobody: the snapshot tag ledger decides', async () => {
    const event = readFileSync(
      example('events', 'account-tags-changed-tag-on-resource.json'),
      'utf8',
    );
    const ledger = [
      'tagLedger:',
      `  - { accountId: "${ACCOUNT}", key: env, value: prod, setBy: "${SESSION}", setAt: "2026-11-01T09:00:00Z" }`,
    ].join('\n');
    const files = {
      'org.yaml': `${ORG}\n${ledger}`,
      'bare.yaml': ORG,
      'governance.yaml': config(trusted),
      'event.json': event,
    };
    const args = (org: string) => planEventArgs('event.json', org);
    const withLedger = await run(args('org.yaml'), { files });
    expect(JSON.parse(withLedger.stdout)).toMatchObject({ operations: [GRANT], skipped: [] });
    const without = await run(args('bare.yaml'), { files });
    expect(JSON.parse(without.stdout)).toMatchObject({
      operations: [],
      skipped: [{ reason: 'UntrustedTag', detail: 'tag env=prod: no ledger entry' }],
    });
  });
});

describe('orgctl validate: tag trust settings', () => {
  it('lists every bad trusted principal with its path (exit 1)', async () => {
    const files = { 'g.yaml': config(['*', 'arn:aws:sts::111111111111:assumed-role/X/y']) };
    const result = await run(['validate', '--config', 'g.yaml'], { files });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'settings.trustedTagPrincipals[0]: expected an IAM role or user ARN pattern',
    );
    expect(result.stderr).toContain(
      'settings.trustedTagPrincipals[1]: expected an IAM role or user ARN pattern',
    );
  });

  it('warns about an administrator-like accountTag grant (exit 0)', async () => {
    const files = { 'g.yaml': config(['arn:aws:iam::111111111111:role/Platform*']) };
    const result = await run(['validate', '--config', 'g.yaml'], { files });
    expect([result.code, result.stderr]).toStrictEqual([
      0,
      [
        '1 warning: administrator-like grants someone else can steer',
        '  - line 6: assignmentRules[0].scope: grants administrator-like "AdministratorAccess" through tag env=prod: only values set by settings.trustedTagPrincipals count',
        '',
      ].join('\n'),
    ]);
  });
});
