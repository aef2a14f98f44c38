import type { DomainEvent } from '@org/event-schemas';
import {
  applyEvent,
  Planner,
  planForEvent,
  planReconcile,
  rereadEffect,
  type GovernanceConfig,
  type OrgSnapshot,
  type TagLedgerEntry,
} from '../../src';
import {
  account,
  ACCT,
  ACCT2,
  ADMIN_ARN,
  assignmentRule,
  attach,
  config,
  DEVS,
  events,
  org,
  ROOT,
  scpRule,
} from '../helpers/builders';

const TAG_ADMIN = 'arn:aws:iam::111111111111:role/TagAdmin';
const TAG_ADMIN_SESSION = 'arn:aws:sts::111111111111:assumed-role/TagAdmin/ci';
const EVE = 'arn:aws:iam::111111111111:user/eve';
const PROD_TAG = { type: 'accountTag', key: 'env', value: 'prod' } as const;

/** Developers get AdministratorAccess on accounts tagged env=prod; tags trusted from `trusted`. */
function governance(trusted: string[] | undefined, extra: Partial<GovernanceConfig> = {}) {
  const settings = { maxScpsPerTarget: 10, includeManagementAccount: false };
  return config({
    settings: trusted === undefined ? settings : { ...settings, trustedTagPrincipals: trusted },
    assignmentRules: [assignmentRule('prod-admins', 'AdministratorAccess', 'Developers', PROD_TAG)],
    ...extra,
  });
}

const snapshot = (extra: Partial<OrgSnapshot> = {}) =>
  org({ accounts: [account(ACCT, ROOT)], ...extra });

/** CloudTrail's caller `arn`, as the event parser gives it. */
const actor = (arn: string) => ({
  type: arn.includes(':assumed-role/') ? 'AssumedRole' : 'IAMUser',
  arn,
  principalId: 'AIDAEXAMPLE',
  accountId: '111111111111',
  sessionIssuerArn: null,
  invokedBy: null,
});

/** A `TagResource` call by `arn` setting `tags` on `accountId`. */
function tagResource(accountId: string, tags: Record<string, string>, arn: string): DomainEvent {
  return { ...events.tagsSet(accountId, tags), actor: actor(arn) } as DomainEvent;
}

const grant = {
  type: 'createAssignment',
  accountId: ACCT,
  permissionSetArn: ADMIN_ARN,
  principalType: 'GROUP',
  principalId: DEVS,
  ruleIds: ['prod-admins'],
};
/** The assignment `grant` creates, as the snapshot holds it once made. */
const granted = {
  accountId: ACCT,
  permissionSetArn: ADMIN_ARN,
  principalType: 'GROUP' as const,
  principalId: DEVS,
  managedBy: ['prod-admins'],
};
const ledgerEntry = (value: string, setBy: string, key = 'env'): TagLedgerEntry => ({
  accountId: ACCT,
  key,
  value,
  setBy,
});

describe('tag trust: a TagResource event in the preview', () => {
  const trusted = governance([TAG_ADMIN]);

  it('by an untrusted principal plans no grant and one UntrustedTag skip', () => {
    const plan = planForEvent(snapshot(), trusted, tagResource(ACCT, { env: 'prod' }, EVE));
    expect(plan.operations).toStrictEqual([]);
    expect(plan.skipped).toStrictEqual([
      {
        accountId: ACCT,
        ruleId: 'prod-admins',
        reason: 'UntrustedTag',
        detail: `tag env=prod set by ${EVE}, not a trusted principal`,
      },
    ]);
  });

  it.each([
    ['the trusted role', TAG_ADMIN],
    ['an assumed-role session of the trusted role', TAG_ADMIN_SESSION],
  ])('by %s grants', (_name, arn) => {
    const plan = planForEvent(snapshot(), trusted, tagResource(ACCT, { env: 'prod' }, arn));
    expect(plan.operations).toStrictEqual([grant]);
    expect(plan.skipped).toStrictEqual([]);
  });

  it.each([
    ['absent', undefined],
    ['empty', []],
  ])('with trusted principals %s, any tagger grants (v1 behaviour)', (_name, trust) => {
    const plan = planForEvent(
      snapshot(),
      governance(trust),
      tagResource(ACCT, { env: 'prod' }, EVE),
    );
    expect(plan).toMatchObject({ operations: [grant], skipped: [] });
  });

  it('an untrusted re-tag of a trusted value revokes the grant it justified', () => {
    const before = snapshot({
      accounts: [account(ACCT, ROOT, { tags: { env: 'prod' } })],
      tagLedger: [ledgerEntry('prod', TAG_ADMIN)],
      assignments: [granted],
    });
    expect(planReconcile(before, trusted).operations).toStrictEqual([]);
    const plan = planForEvent(before, trusted, tagResource(ACCT, { env: 'prod' }, EVE));
    expect(plan.operations).toStrictEqual([{ ...grant, type: 'deleteAssignment', ruleIds: [] }]);
    expect(plan.skipped.map((s) => s.reason)).toStrictEqual(['UntrustedTag']);
  });

  it('an aws.tag event names nobody: the ledger decides', () => {
    const event = events.tagsReplaced(ACCT, { env: 'prod' }, ['env']);
    const withLedger = snapshot({ tagLedger: [ledgerEntry('prod', TAG_ADMIN_SESSION)] });
    expect(planForEvent(withLedger, trusted, event).operations).toStrictEqual([grant]);
    const without = planForEvent(snapshot(), trusted, event);
    expect(without.operations).toStrictEqual([]);
    expect(without.skipped).toStrictEqual([
      {
        accountId: ACCT,
        ruleId: 'prod-admins',
        reason: 'UntrustedTag',
        detail: 'tag env=prod: no ledger entry',
      },
    ]);
  });

  it('a snapshot taken after the event gives the same plan (the ledger is applied too)', () => {
    const event = tagResource(ACCT, { env: 'prod' }, TAG_ADMIN_SESSION);
    const after = applyEvent(snapshot(), event);
    expect(after.tagLedger).toStrictEqual([
      { ...ledgerEntry('prod', TAG_ADMIN_SESSION), setAt: '2026-11-01T10:00:00Z' },
    ]);
    expect(planForEvent(after, trusted, event)).toStrictEqual(
      planForEvent(snapshot(), trusted, event),
    );
  });

  it('UntagResource removes the ledger entries of its keys', () => {
    const before = snapshot({
      tagLedger: [ledgerEntry('prod', TAG_ADMIN), ledgerEntry('a', EVE, 'team')],
    });
    const untag = { ...events.tagsRemoved(ACCT, ['env']), actor: actor(EVE) } as DomainEvent;
    expect(applyEvent(before, untag).tagLedger).toStrictEqual([ledgerEntry('a', EVE, 'team')]);
  });
});

describe('tag trust: the deployed path (account and ledger re-read)', () => {
  const trusted = governance([TAG_ADMIN]);
  const retagged = account(ACCT, ROOT, { tags: { env: 'prod' } });
  const event = tagResource(ACCT, { env: 'prod' }, TAG_ADMIN_SESSION);

  it('planKnown reads the ledger it was given, not the event: the processor records the caller first', () => {
    const unrecorded = Planner.create(snapshot({ accounts: [retagged] }), trusted);
    expect(unrecorded.planKnown(event, rereadEffect(event, retagged)).skipped).toStrictEqual([
      {
        accountId: ACCT,
        ruleId: 'prod-admins',
        reason: 'UntrustedTag',
        detail: 'tag env=prod: no ledger entry',
      },
    ]);
    const recorded = Planner.create(
      snapshot({ accounts: [retagged], tagLedger: [ledgerEntry('prod', TAG_ADMIN_SESSION)] }),
      trusted,
    );
    expect(recorded.planKnown(event, rereadEffect(event, retagged)).operations).toStrictEqual([
      grant,
    ]);
  });

  it('planAccount (the worker level check) applies the same trust', () => {
    const planner = Planner.create(
      snapshot({ accounts: [retagged], tagLedger: [ledgerEntry('prod', EVE)] }),
      trusted,
    );
    expect(planner.planAccount(retagged)).toStrictEqual({
      operations: [],
      skipped: [
        {
          accountId: ACCT,
          ruleId: 'prod-admins',
          reason: 'UntrustedTag',
          detail: `tag env=prod set by ${EVE}, not a trusted principal`,
        },
      ],
    });
  });
});

describe('tag trust: reconcile against the ledger', () => {
  const tagged = (id: string, tags: Record<string, string>) => account(id, ROOT, { tags });

  it('grants only where the ledger holds the current value from a trusted principal', () => {
    const orgWithLedger = snapshot({
      accounts: [tagged(ACCT, { env: 'prod' }), tagged(ACCT2, { env: 'prod' })],
      tagLedger: [
        ledgerEntry('prod', TAG_ADMIN),
        { ...ledgerEntry('dev', TAG_ADMIN), accountId: ACCT2 },
      ],
    });
    const plan = planReconcile(orgWithLedger, governance(['arn:aws:iam::111111111111:role/Tag*']));
    expect(plan.operations).toStrictEqual([grant]);
    expect(plan.skipped).toStrictEqual([
      {
        accountId: ACCT2,
        ruleId: 'prod-admins',
        reason: 'UntrustedTag',
        detail: `tag env=prod: the ledger has env=dev (set by ${TAG_ADMIN})`,
      },
    ]);
  });

  it('policy rules with an accountTag scope are trusted the same way', () => {
    const cfg = governance([TAG_ADMIN], {
      assignmentRules: [],
      scpRules: [
        scpRule('prod-guard', ['DenyRegions'], { type: 'accountTag', key: 'env' }),
        scpRule('baseline', ['DenyLeaveOrg'], { type: 'root' }),
      ],
    });
    const plan = planReconcile(snapshot({ accounts: [tagged(ACCT, { env: 'prod' })] }), cfg);
    expect(plan.operations).toStrictEqual([attach(ACCT, 'p-aaaa1111', ['baseline'])]);
    expect(plan.skipped.map((s) => [s.ruleId, s.reason])).toStrictEqual([
      ['prod-guard', 'UntrustedTag'],
    ]);
  });

  it('a rule naming its principal by id grants to that id', () => {
    const byId = governance(undefined, {
      assignmentRules: [
        assignmentRule('prod-admins', 'AdministratorAccess', { type: 'GROUP', id: DEVS }, PROD_TAG),
      ],
    });
    const plan = planReconcile(snapshot({ accounts: [tagged(ACCT, { env: 'prod' })] }), byId);
    expect(plan.operations).toStrictEqual([grant]);
  });
});
