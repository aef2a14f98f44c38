import { parseGovernanceConfig, parseOrgSnapshot, type Problem } from '../../src';
import { problemsOf } from '../../src/testing';

const rule = (id: unknown) => ({ id, policies: ['x'], scope: { type: 'root' } });
const snapshot = (extra: Record<string, unknown>) => ({
  managementAccountId: '111111111111',
  rootId: 'r-ab12',
  ...extra,
});
const ID = 'expected an id of 1-64 lowercase letters, digits or "-" ([a-z0-9-]{1,64})';
const long = 'y'.repeat(1_000_000);
const cut = `"${'y'.repeat(79)}…"`;

describe.each<[string, () => unknown, Problem[]]>([
  [
    'an unknown field with ESC: key escaped in the message and the path',
    () => parseGovernanceConfig({ ['k\u001b[2J']: 1 }),
    [{ path: '["k\\u001b[2J"]', message: 'unknown field "k\\u001b[2J"' }],
  ],
  [
    'a C1 CSI and a bidi override in a bad rule id are escaped',
    () => parseGovernanceConfig({ scpRules: [rule('a\u009b2J\u202e')] }),
    [
      {
        path: 'scpRules[0].id',
        message: `${ID}; got "a\\u009b2J\\u202e"`,
      },
    ],
  ],
  [
    'a 1 MB rule id is cut to 80 characters',
    () => parseGovernanceConfig({ scpRules: [rule(long)] }),
    [{ path: 'scpRules[0].id', message: `${ID}; got ${cut}` }],
  ],
  [
    'a 1 MB unknown key is cut in the message and the path',
    () => parseGovernanceConfig({ [long]: 1 }),
    [{ path: `[${cut}]`, message: `unknown field ${cut}` }],
  ],
  [
    'an unknown policy with OSC in a snapshot attachment',
    () =>
      parseOrgSnapshot(
        snapshot({
          attachments: [{ targetId: 'r-ab12', policyId: 'p-aaaaaaaa\u001b]8;;x\u0007' }],
        }),
      ),
    [
      {
        path: 'attachments[0].policyId',
        message: 'expected a policy id like p-FullAWSAccess; got "p-aaaaaaaa\\u001b]8;;x\\u0007"',
      },
      {
        path: 'attachments[0].policyId',
        message: 'unknown policy "p-aaaaaaaa\\u001b]8;;x\\u0007"',
      },
    ],
  ],
])('problem messages: %s', (_name, parse, expected) => {
  it('quotes user text escaped and bounded', () => {
    expect(problemsOf(parse).filter((p) => expected.some((e) => e.path === p.path))).toStrictEqual(
      expected,
    );
  });
});
