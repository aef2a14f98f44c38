import { parseGovernanceConfig, parseOrgSnapshot } from '../../src';
import { problemsOf } from '../../src/testing';

const TAG_ADMIN = 'arn:aws:iam::111111111111:role/TagAdmin';

describe('settings.trustedTagPrincipals', () => {
  it('keeps valid patterns as given', () => {
    const config = parseGovernanceConfig({
      settings: { trustedTagPrincipals: [TAG_ADMIN, 'arn:aws:iam::*:role/Platform*'] },
    });
    expect(config.settings.trustedTagPrincipals).toStrictEqual([
      TAG_ADMIN,
      'arn:aws:iam::*:role/Platform*',
    ]);
  });

  it('is absent when not given (v1 behaviour)', () => {
    expect(parseGovernanceConfig({ settings: {} }).settings).toStrictEqual({
      maxScpsPerTarget: 10,
      includeManagementAccount: false,
    });
  });

  it('lists every bad entry with its path', () => {
    const problems = problemsOf(() =>
      parseGovernanceConfig({
        settings: {
          trustedTagPrincipals: [
            TAG_ADMIN,
            '*',
            'arn:aws:sts::111111111111:assumed-role/TagAdmin/ci',
            'arn:aws:iam::111111111111:group/Admins',
            'arn:aws:iam::111111111111:role/Tag\u200bAdmin',
            42,
          ],
        },
      }),
    );
    expect(problems.map((p) => p.path)).toStrictEqual([
      'settings.trustedTagPrincipals[1]',
      'settings.trustedTagPrincipals[2]',
      'settings.trustedTagPrincipals[3]',
      'settings.trustedTagPrincipals[4]',
      'settings.trustedTagPrincipals[5]',
    ]);
    expect(problems[0]?.message).toMatch(/expected an IAM role or user ARN pattern/);
  });
});

describe('snapshot tagLedger', () => {
  const org = (tagLedger: unknown) => ({
    managementAccountId: '111111111111',
    rootId: 'r-ab12',
    accounts: [{ id: '222222222222', name: 'a', parentId: 'r-ab12', tags: { env: 'prod' } }],
    tagLedger,
  });
  const entry = {
    accountId: '222222222222',
    key: 'env',
    value: 'prod',
    setBy: 'arn:aws:sts::111111111111:assumed-role/TagAdmin/ci',
    setAt: '2026-11-01T10:00:00Z',
  };

  it('is read as given', () => {
    expect(parseOrgSnapshot(org([entry])).tagLedger).toStrictEqual([entry]);
  });

  it('is absent when not given', () => {
    const { tagLedger, ...withoutLedger } = org([]);
    expect(tagLedger).toStrictEqual([]);
    expect('tagLedger' in parseOrgSnapshot(withoutLedger)).toBe(false);
  });

  it('refuses bad entries and a second entry for the same account and key, with paths', () => {
    const problems = problemsOf(() =>
      parseOrgSnapshot(
        org([
          entry,
          { ...entry, value: 'dev' },
          { ...entry, key: 'te\u200bam' },
          { ...entry, accountId: '12', setAt: 'yesterday' },
          { ...entry, key: 'owner', extra: true },
          { ...entry, key: 'cost', setBy: '' },
        ]),
      ),
    );
    expect(problems.map((p) => p.path)).toStrictEqual([
      'tagLedger[2].key',
      'tagLedger[3].accountId',
      'tagLedger[3].setAt',
      'tagLedger[4].extra',
      'tagLedger[5].setBy',
      'tagLedger[1].key',
    ]);
    expect(problems[5]?.message).toMatch(
      /duplicate tag ledger entry "222222222222 env" \(also at tagLedger\[0\]\)/,
    );
  });
});
