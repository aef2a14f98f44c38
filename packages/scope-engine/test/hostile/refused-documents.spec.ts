import {
  ConfigError,
  formatProblem,
  parseGovernanceConfig,
  parseOrgSnapshot,
  SnapshotError,
} from '../../src';

/** The error a snapshot raises: its count and formatted problems. */
function snapshotProblems(input: string | object): { count: number; problems: string[] } {
  try {
    parseOrgSnapshot(input, 'org.yaml');
    return { count: 0, problems: [] };
  } catch (error) {
    if (error instanceof SnapshotError)
      return { count: error.problemCount, problems: error.problems.map(formatProblem) };
    throw error;
  }
}

const base = { managementAccountId: '111111111111', rootId: 'r-ab12' };
const account = (fields: object) => ({
  ...base,
  accounts: [{ id: '222222222222', name: 'app', parentId: 'r-ab12', ...fields }],
});

describe('documents that are refused, with a located problem', () => {
  it.each<[string, object, string[]]>([
    [
      'an account name longer than AWS allows (50)',
      account({ name: 'a'.repeat(51) }),
      ['accounts[0].name: must be at most 50 characters'],
    ],
    [
      'a NUL in an account name',
      account({ name: 'app\u0000' }),
      ['accounts[0].name: contains the control character U+0000 at character 4; got "app\\u0000"'],
    ],
    [
      'a zero-width joiner in a tag key',
      account({ tags: { 'e\u200dnv': 'prod' } }),
      [
        'accounts[0].tags["e\\u200dnv"]: key contains the invisible character U+200D at character 2; got "e\\u200dnv"',
      ],
    ],
    [
      'a permission set ARN with garbage after a valid prefix',
      { ...base, permissionSets: [{ name: 'RO', arn: 'arn:aws:sso:::permissionSet/x y' }] },
      [
        'permissionSets[0].arn: expected an ARN like arn:aws:service:region:account:resource; got "arn:aws:sso:::permissionSet/x y"',
      ],
    ],
  ])('%s', (_label, doc, problems) => {
    expect(snapshotProblems(doc).problems).toStrictEqual(problems);
  });

  it('an OU chain 3,000 deep: one problem at the first OU past the AWS depth limit', () => {
    const ous = Array.from({ length: 3000 }, (_, i) => ({
      id: `ou-ab12-${String(i).padStart(8, '0')}`,
      name: `OU${i}`,
      parentId: i === 0 ? 'r-ab12' : `ou-ab12-${String(i - 1).padStart(8, '0')}`,
    }));
    expect(snapshotProblems({ ...base, organizationalUnits: ous }).problems).toStrictEqual([
      'organizationalUnits[5].parentId: OU "ou-ab12-00000005" is nested 6 levels under the root; AWS Organizations allows at most 5',
    ]);
  });

  it('text nested past 100 levels is refused before it is parsed, with its line', () => {
    const text = `managementAccountId: "111111111111"\nrootId: r-ab12\naccounts: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`;
    expect(snapshotProblems(text).problems).toStrictEqual([
      'line 3: (document): the document is nested more than 100 levels deep (refused before parsing)',
    ]);
  });

  it('YAML aliases that expand to millions of nodes are refused', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `n${i}`).join(', ');
    const rules = Array.from(
      { length: 100 },
      (_, i) => `  - { id: r${i}, policies: *a, scope: { type: root } }`,
    );
    const text = [`x: &a [${names}]`, 'scpRules:', ...rules].join('\n');
    let problems: string[] = [];
    try {
      parseGovernanceConfig(text, 'g.yaml');
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems.map(formatProblem);
    }
    expect(problems).toStrictEqual([
      '(document): invalid YAML: its aliases expand to more than 10,000 nodes (refused: anchors and aliases may repeat a little, not multiply the document)',
    ]);
  });

  it('a flood of problems keeps the first 1,000 and counts every one', () => {
    const flood = { ...base, accounts: Array.from({ length: 50_000 }, () => 1) };
    const { count, problems } = snapshotProblems(flood);
    expect({ count, kept: problems.length, first: problems[0] }).toStrictEqual({
      count: 50_000,
      kept: 1000,
      first: 'accounts[0]: expected a mapping, got number 1',
    });
  });
});
