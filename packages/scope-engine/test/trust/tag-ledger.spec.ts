import { TagLedgerIndex, tagValueTrusted, type TagLedgerEntry } from '../../src';

const ACCT = '222222222222';
const TRUSTED = 'arn:aws:iam::111111111111:role/TagAdmin';
const PATTERNS = [TRUSTED];
const entry = (key: string, value: string, setBy = TRUSTED): TagLedgerEntry => ({
  accountId: ACCT,
  key,
  value,
  setBy,
});

describe('tagValueTrusted', () => {
  const ledger = [entry('env', 'prod'), entry('team', 'a', 'arn:aws:iam::111111111111:user/eve')];

  it.each([
    ['trust off: anything', [], 'env', 'dev', true],
    ['trust off: no entry', [], 'owner', 'x', true],
    ['the value a trusted principal set', PATTERNS, 'env', 'prod', true],
    ['another value than the one recorded', PATTERNS, 'env', 'dev', false],
    ['a value set by an untrusted principal', PATTERNS, 'team', 'a', false],
    ['no ledger entry', PATTERNS, 'owner', 'x', false],
  ])('%s', (_name, patterns, key, value, expected) => {
    expect(tagValueTrusted(ledger, ACCT, key, value, patterns)).toBe(expected);
    expect(tagValueTrusted(TagLedgerIndex.of(ledger), ACCT, key, value, patterns)).toBe(expected);
  });

  it('an entry of another account does not count', () => {
    expect(tagValueTrusted(ledger, '333333333333', 'env', 'prod', PATTERNS)).toBe(false);
  });
});

describe('TagLedgerIndex', () => {
  const base = TagLedgerIndex.of([entry('env', 'dev'), entry('team', 'a')]);

  it('a set records the setter and time for each key; other keys keep theirs', () => {
    const after = base.with({
      kind: 'set',
      accountId: ACCT,
      tags: { env: 'prod' },
      setBy: 'arn:aws:sts::111111111111:assumed-role/Dev/x',
      setAt: '2026-11-01T10:00:00Z',
    });
    expect(after.entriesOf(ACCT)).toStrictEqual([
      {
        accountId: ACCT,
        key: 'env',
        value: 'prod',
        setBy: 'arn:aws:sts::111111111111:assumed-role/Dev/x',
        setAt: '2026-11-01T10:00:00Z',
      },
      entry('team', 'a'),
    ]);
    expect(base.entry(ACCT, 'env')).toStrictEqual(entry('env', 'dev'));
  });

  it('a remove drops the keys entries', () => {
    const after = base.with({ kind: 'remove', accountId: ACCT, keys: ['env', 'absent'] });
    expect(after.entries()).toStrictEqual([entry('team', 'a')]);
  });

  it('a later entry for the same account and key wins', () => {
    expect(TagLedgerIndex.of([entry('env', 'dev'), entry('env', 'prod')]).entries()).toStrictEqual([
      entry('env', 'prod'),
    ]);
  });
});
