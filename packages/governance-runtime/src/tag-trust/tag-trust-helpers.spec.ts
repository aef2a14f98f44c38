import type { AccountTagsChanged, ChangeActor } from '@org/event-schemas';
import type { GovernanceConfig, OrgSnapshot, Skip } from '@org/scope-engine';
import type { FailureReport } from '../failure-reporter';
import { InMemoryTagLedger } from '../in-process/in-memory-tag-ledger';
import { ledgerChangesOf, principalOf } from './ledger-changes';
import { reportUntrustedTags, UNTRUSTED_TAG_REPORTS_PER_PLAN } from './report-untrusted-tags';
import { withTagLedger } from './tag-ledger-reads';

const ACTOR: ChangeActor = {
  type: 'AssumedRole',
  arn: 'arn:aws:sts::111111111111:assumed-role/Platform/ci',
  principalId: 'AROA:ci',
  accountId: '111111111111',
  sessionIssuerArn: 'arn:aws:iam::111111111111:role/Platform',
  invokedBy: null,
};
const META = {
  eventId: 'e-1',
  source: 'aws.organizations',
  detailType: 'AWS API Call via CloudTrail',
  eventName: 'UntagResource',
  time: '2026-11-01T10:00:00Z',
  region: 'us-east-1',
};

describe('ledgerChangesOf', () => {
  it('records a removal per key, with the caller', () => {
    const event: AccountTagsChanged = {
      type: 'AccountTagsChanged',
      accountId: '222222222222',
      change: { kind: 'remove', keys: ['env', 'team'] },
      actor: ACTOR,
      meta: META,
    };
    expect(ledgerChangesOf(event, 'now').map((c) => [c.key, c.value, c.setBy])).toStrictEqual([
      ['env', null, ACTOR.arn],
      ['team', null, ACTOR.arn],
    ]);
  });

  it('records the event time in one ISO form, else the fallback time', () => {
    const event: AccountTagsChanged = {
      type: 'AccountTagsChanged',
      accountId: '222222222222',
      change: { kind: 'set', tags: { env: 'prod' } },
      actor: ACTOR,
      meta: META,
    };
    expect([
      ledgerChangesOf(event, 'now')[0]?.setAt,
      ledgerChangesOf({ ...event, meta: { ...META, time: '' } }, 'now')[0]?.setAt,
    ]).toStrictEqual(['2026-11-01T10:00:00.000Z', 'now']);
  });

  it('records nothing for an aws.tag change, which names nobody', () => {
    const event: AccountTagsChanged = {
      type: 'AccountTagsChanged',
      accountId: '222222222222',
      change: { kind: 'replace', tags: { env: 'prod' }, changedKeys: ['env'] },
      meta: META,
    };
    expect(ledgerChangesOf(event, 'now')).toStrictEqual([]);
  });

  it('names the session issuer, else an unknown principal no pattern trusts', () => {
    expect([
      principalOf({ ...ACTOR, arn: null }),
      principalOf({ ...ACTOR, arn: null, sessionIssuerArn: null }),
      principalOf({ ...ACTOR, arn: null, sessionIssuerArn: null, principalId: null }),
    ]).toStrictEqual([ACTOR.sessionIssuerArn, 'unknown:AROA:ci', 'unknown:unidentified']);
  });
});

describe('withTagLedger', () => {
  const snapshot = { accounts: [] } as unknown as OrgSnapshot;
  const trusting = { settings: { trustedTagPrincipals: ['arn:*'] } } as unknown as GovernanceConfig;

  it('carries an empty ledger when trust is on but no ledger is wired (nothing trusted)', async () => {
    expect(await withTagLedger(snapshot, trusting, undefined, ['1'])).toStrictEqual({
      accounts: [],
      tagLedger: [],
    });
  });

  it('reads nothing for no accounts', async () => {
    const ledger = new InMemoryTagLedger();
    expect({
      snapshot: await withTagLedger(snapshot, trusting, ledger, []),
      reads: ledger.reads,
    }).toStrictEqual({ snapshot: { accounts: [], tagLedger: [] }, reads: 0 });
  });
});

describe('InMemoryTagLedger', () => {
  it('keeps the newest change: a late, older event does not undo a newer one', async () => {
    const ledger = new InMemoryTagLedger();
    await ledger.record([
      { accountId: '2', key: 'env', value: 'prod', setBy: 'a', setAt: '2026-01-02' },
      { accountId: '2', key: 'env', value: 'dev', setBy: 'b', setAt: '2026-01-01' },
      { accountId: '2', key: 'team', value: 'x', setBy: 'b', setAt: '2026-01-01' },
      { accountId: '2', key: 'team', value: null, setBy: 'a', setAt: '2026-01-03' },
    ]);
    expect(await ledger.entriesForAll()).toStrictEqual([
      { accountId: '2', key: 'env', value: 'prod', setBy: 'a', setAt: '2026-01-02' },
    ]);
  });
});

describe('reportUntrustedTags', () => {
  const skip = (n: number): Skip => ({
    accountId: String(200000000000 + n),
    ruleId: 'prod-admins',
    reason: 'UntrustedTag',
    detail: 'env=prod was set by an untrusted principal',
  });

  it('alerts the first skips one by one and the rest in one report', async () => {
    const reports: FailureReport[] = [];
    const skips = Array.from({ length: UNTRUSTED_TAG_REPORTS_PER_PLAN + 3 }, (_, n) => skip(n));
    const other: Skip = { ...skip(99), reason: 'PrincipalNotFound' };
    const count = await reportUntrustedTags(
      { report: async (failure) => void reports.push(failure) },
      'run-1',
      [...skips, other],
    );
    expect({
      count,
      reports: reports.length,
      kinds: [...new Set(reports.map((r) => r.kind))],
      last: reports.at(-1)?.reason.startsWith('UntrustedTag: 3 more: rule prod-admins'),
    }).toStrictEqual({
      count: UNTRUSTED_TAG_REPORTS_PER_PLAN + 3,
      reports: UNTRUSTED_TAG_REPORTS_PER_PLAN + 1,
      kinds: ['UntrustedTag'],
      last: true,
    });
  });

  it('counts without a reporter', async () => {
    expect(await reportUntrustedTags(undefined, null, [skip(1)])).toBe(1);
  });
});
