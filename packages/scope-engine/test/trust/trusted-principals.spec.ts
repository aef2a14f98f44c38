import { isTrustedPrincipal, TRUSTED_PRINCIPAL_PATTERN, trustedPrincipalMatcher } from '../../src';

const ACCT = '123456789012';
const role = (name: string) => `arn:aws:iam::${ACCT}:role/${name}`;
const session = (roleName: string, sessionName = 'jdoe', account = ACCT) =>
  `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`;

describe('isTrustedPrincipal', () => {
  it.each([
    ['the role itself', role('TagAdmin'), [role('TagAdmin')], true],
    ['a session of the role', session('TagAdmin'), [role('TagAdmin')], true],
    ['a role matching a prefix pattern', role('PlatformAdmin'), [role('Platform*')], true],
    [
      'a session of a role matching a prefix pattern',
      session('PlatformOps'),
      [role('Platform*')],
      true,
    ],
    ['a session of a role listed with its path', session('TagAdmin'), [role('ops/TagAdmin')], true],
    ['a session of a role under a wildcard path', session('TagAdmin'), [role('*/TagAdmin')], true],
    ['the role with its path', role('ops/TagAdmin'), [role('*/TagAdmin')], true],
    ['a user', `arn:aws:iam::${ACCT}:user/alice`, [`arn:aws:iam::${ACCT}:user/alice`], true],
    [
      'any account',
      session('TagAdmin', 'ci', '210987654321'),
      ['arn:aws:iam::*:role/TagAdmin'],
      true,
    ],
    ['another role', role('Developer'), [role('Platform*')], false],
    ['a session of another role', session('Developer'), [role('Platform*')], false],
    [
      'a role in another account',
      session('TagAdmin', 'x', '210987654321'),
      [role('TagAdmin')],
      false,
    ],
    ['a user named like the role', `arn:aws:iam::${ACCT}:user/TagAdmin`, [role('TagAdmin')], false],
    ['no patterns', role('TagAdmin'), [], false],
    ['a case difference', role('tagadmin'), [role('TagAdmin')], false],
    [
      'another partition',
      session('TagAdmin').replace(':aws:', ':aws-cn:'),
      [role('TagAdmin')],
      false,
    ],
    ['a longer name (no implicit wildcard)', role('TagAdmin2'), [role('TagAdmin')], false],
    ['a dot is literal', role('TagXAdmin'), [role('Tag.Admin')], false],
    ['a plus is literal', role('TaggAdmin'), [role('Tag+Admin')], false],
    ['an unknown caller', 'unknown caller', [role('*')], false],
    ['a service', 'organizations.amazonaws.com', [role('*')], false],
  ])('%s', (_name, principal, patterns, expected) => {
    expect(isTrustedPrincipal(principal, patterns)).toBe(expected);
  });

  it('compiles the patterns once for many principals', () => {
    const trusted = trustedPrincipalMatcher([role('Platform*'), `arn:aws:iam::${ACCT}:user/ci`]);
    const verdicts = [session('PlatformA'), role('Other'), `arn:aws:iam::${ACCT}:user/ci`].map(
      trusted,
    );
    expect(verdicts).toStrictEqual([true, false, true]);
  });
});

describe('TRUSTED_PRINCIPAL_PATTERN', () => {
  it.each([
    role('TagAdmin'),
    role('Platform*'),
    role('ops/team/TagAdmin'),
    'arn:aws:iam::*:role/TagAdmin',
    `arn:aws-us-gov:iam::${ACCT}:user/ci-bot`,
    `arn:aws:iam::${ACCT}:role/*`,
  ])('accepts %s', (pattern) => {
    expect(TRUSTED_PRINCIPAL_PATTERN.test(pattern)).toBe(true);
  });

  it.each([
    '*',
    '',
    session('TagAdmin'),
    `arn:aws:iam::${ACCT}:group/Admins`,
    `arn:aws:s3:::bucket`,
    `arn:aws:iam::${ACCT}:role/`,
    `arn:aws:iam::${ACCT}:role/Tag\u200bAdmin`,
    `arn:aws:iam::${ACCT}:role/Tag Admin`,
    `arn:aws:iam::12345:root`,
  ])('refuses %j', (pattern) => {
    expect(TRUSTED_PRINCIPAL_PATTERN.test(pattern)).toBe(false);
  });
});
