import type { DomainEvent } from '@org/event-schemas';
import {
  applyEvent,
  planForEvent,
  planForParseOutcome,
  type GovernanceConfig,
  type OrgSnapshot,
  type Plan,
} from '../../src';
import {
  attach,
  detach,
  account,
  ACCT,
  assignmentRule,
  AUDITORS,
  config,
  DEVS,
  events,
  org,
  PROD,
  READ_ONLY_ARN,
  ROOT,
  SANDBOX,
  scpRule,
  snsNotification,
  WORKLOADS,
} from '../helpers/builders';

const OTHER = '999999999999';
const governance: GovernanceConfig = config({
  scpRules: [
    scpRule('baseline', ['DenyLeaveOrg'], { type: 'root' }, { accounts: [], ous: [SANDBOX] }),
    scpRule('workloads', ['DenyRegions'], { type: 'ou', id: WORKLOADS, includeDescendants: true }),
  ],
  assignmentRules: [
    assignmentRule('prod-auditors', 'ReadOnly', 'Auditors', {
      type: 'accountTag',
      key: 'env',
      value: 'prod',
    }),
    assignmentRule('dev-devs', 'ReadOnly', 'Developers', {
      type: 'accountTag',
      key: 'env',
      value: 'dev',
    }),
  ],
  notifications: [
    snsNotification('vended', ['ManagedAccountVended']),
    snsNotification('created', ['AccountCreated', 'AccountJoined']),
  ],
});
const devAssignment = {
  accountId: ACCT,
  permissionSetArn: READ_ONLY_ARN,
  principalType: 'GROUP' as const,
  principalId: DEVS,
  managedBy: ['dev-devs'],
};
/** An account in the root tagged env=dev with its managed state in place, and an unrelated account with drift. */
const before = org({
  accounts: [
    account(ACCT, ROOT, { name: 'payments', tags: { env: 'dev', owner: 'x' } }),
    account(OTHER, ROOT),
  ],
  attachments: [{ targetId: ACCT, policyId: 'p-aaaa1111', managedBy: ['baseline'] }],
  assignments: [devAssignment],
});

const grant = (
  type: 'createAssignment' | 'deleteAssignment',
  principalId: string,
  ruleIds: string[],
  accountId = ACCT,
) => ({
  type,
  accountId,
  permissionSetArn: READ_ONLY_ARN,
  principalType: 'GROUP' as const,
  principalId,
  ruleIds,
});
const notify = (notificationId: string, accountId: string, subject: string, body: string) => ({
  type: 'notify' as const,
  accountId,
  notificationId,
  targetType: 'sns' as const,
  subject,
  body,
});

/** A `NotInSnapshot` skip of `ruleId` on `accountId`: the snapshot does not know `what`. */
const notInSnapshot = (accountId: string, ruleId: string, what: string) => ({
  accountId,
  ruleId,
  reason: 'NotInSnapshot' as const,
  detail: `the snapshot does not know ${what} (refresh the snapshot)`,
});

/** The plan of a `type` event about `accountId`: `operations`, nothing skipped, ignored as said. */
const planned = (
  type: string,
  accountId: string | null,
  operations: Plan['operations'],
  ignored: string | null = null,
): Plan => ({ event: { type, accountId }, operations, skipped: [], ignored });

describe.each<[string, OrgSnapshot, DomainEvent, Plan]>([
  [
    'AccountCreated adds the account under the root and notifies',
    before,
    events.created('444444444444', 'fresh'),
    planned('AccountCreated', '444444444444', [
      attach('444444444444', 'p-aaaa1111', ['baseline']),
      notify(
        'created',
        '444444444444',
        'CreateAccountResult 444444444444',
        'fresh in Root (r-ab12)',
      ),
    ]),
  ],
  [
    'AccountJoined adds the account under the root (named by its id) and notifies',
    before,
    events.joined('555555555555'),
    planned('AccountJoined', '555555555555', [
      attach('555555555555', 'p-aaaa1111', ['baseline']),
      notify(
        'created',
        '555555555555',
        'AcceptHandshake 555555555555',
        '555555555555 in Root (r-ab12)',
      ),
    ]),
  ],
  [
    'AccountMoved into a nested OU: the OU rule applies; the plan is only about that account',
    before,
    events.moved(ACCT, ROOT, PROD),
    planned('AccountMoved', ACCT, [attach(ACCT, 'p-cccc3333', ['workloads'])]),
  ],
  [
    'AccountMoved into an excluded subtree: the managed SCP is detached',
    before,
    events.moved(ACCT, ROOT, SANDBOX),
    planned('AccountMoved', ACCT, [detach(ACCT, 'p-aaaa1111')]),
  ],
  [
    "tag value A→B (aws.tag, full map): A's access is removed and B's added",
    before,
    events.tagsReplaced(ACCT, { env: 'prod' }, ['env', 'owner']),
    planned('AccountTagsChanged', ACCT, [
      grant('deleteAssignment', DEVS, []),
      grant('createAssignment', AUDITORS, ['prod-auditors']),
    ]),
  ],
  [
    'tag value A→B (TagResource sets keys)',
    before,
    events.tagsSet(ACCT, { env: 'prod' }),
    planned('AccountTagsChanged', ACCT, [
      grant('deleteAssignment', DEVS, []),
      grant('createAssignment', AUDITORS, ['prod-auditors']),
    ]),
  ],
  [
    'UntagResource removes the key and its access',
    before,
    events.tagsRemoved(ACCT, ['env']),
    planned('AccountTagsChanged', ACCT, [grant('deleteAssignment', DEVS, [])]),
  ],
  [
    'AccountRemoved forgets the account: no operations',
    before,
    events.removed(ACCT),
    planned('AccountRemoved', ACCT, []),
  ],
  [
    'ManagedAccountVended (CreateManagedAccount) adds the account under its OU and notifies',
    before,
    events.vended('666666666666', PROD),
    planned('ManagedAccountVended', '666666666666', [
      attach('666666666666', 'p-aaaa1111', ['baseline']),
      attach('666666666666', 'p-cccc3333', ['workloads']),
      notify(
        'vended',
        '666666666666',
        'CreateManagedAccount 666666666666',
        'vended-acct in Prod (ou-ab12-22222222)',
      ),
    ]),
  ],
  [
    'ManagedAccountVended (UpdateManagedAccount) of a known account moves it to the OU and notifies too',
    before,
    events.vended(ACCT, PROD, 'SUCCEEDED', 'UpdateManagedAccount'),
    planned('ManagedAccountVended', ACCT, [
      attach(ACCT, 'p-cccc3333', ['workloads']),
      notify(
        'vended',
        ACCT,
        `UpdateManagedAccount ${ACCT}`,
        'vended-acct in Prod (ou-ab12-22222222)',
      ),
    ]),
  ],
  [
    'a FAILED vending is ignored (VendingFailed), even with a listening notification',
    before,
    events.vended(null, PROD, 'FAILED'),
    planned('ManagedAccountVended', null, [], 'VendingFailed'),
  ],
  [
    'an IN_PROGRESS vending is ignored',
    before,
    events.vended('666666666666', PROD, 'IN_PROGRESS'),
    planned('ManagedAccountVended', '666666666666', [], 'VendingInProgress'),
  ],
  [
    'OrganizationalUnitCreated adds the OU: no operations',
    before,
    events.ouCreated('ou-ab12-44444444', ROOT),
    planned('OrganizationalUnitCreated', null, []),
  ],
  [
    'CreateAccountFailed without a listening notification is ignored',
    before,
    events.createFailed(),
    planned('CreateAccountFailed', null, [], 'CreateAccountFailed'),
  ],
  [
    'an event about a suspended account: only AccountNotActive, no notification',
    org({ accounts: [account(ACCT, ROOT, { status: 'SUSPENDED' })] }),
    events.joined(ACCT),
    {
      event: { type: 'AccountJoined', accountId: ACCT },
      operations: [],
      skipped: [
        { accountId: ACCT, ruleId: null, reason: 'AccountNotActive', detail: 'status SUSPENDED' },
      ],
      ignored: null,
    },
  ],
  [
    'a move of an account the snapshot does not have: its OU rules planned, its tag rules NotInSnapshot',
    before,
    events.moved('777777777777', ROOT, PROD),
    {
      event: { type: 'AccountMoved', accountId: '777777777777' },
      operations: [
        attach('777777777777', 'p-aaaa1111', ['baseline']),
        attach('777777777777', 'p-cccc3333', ['workloads']),
      ],
      skipped: [
        notInSnapshot('777777777777', 'dev-devs', "the account's tag env"),
        notInSnapshot('777777777777', 'prod-auditors', "the account's tag env"),
      ],
      ignored: null,
    },
  ],
  [
    'a tag change of an account the snapshot does not have: its tag rules planned, its OU rules NotInSnapshot',
    before,
    events.tagsSet('777777777777', { env: 'prod' }),
    {
      event: { type: 'AccountTagsChanged', accountId: '777777777777' },
      operations: [grant('createAssignment', AUDITORS, ['prod-auditors'], '777777777777')],
      skipped: [
        notInSnapshot(
          '777777777777',
          'baseline',
          'whether the OU of the account is below an excluded OU',
        ),
        notInSnapshot(
          '777777777777',
          'workloads',
          `whether the OU of the account is below ${WORKLOADS}`,
        ),
      ],
      ignored: null,
    },
  ],
  [
    'a move of a known account into an OU the snapshot lacks: rules depending on that OU NotInSnapshot',
    before,
    events.moved(ACCT, ROOT, 'ou-ab12-99999999'),
    {
      event: { type: 'AccountMoved', accountId: ACCT },
      operations: [],
      skipped: [
        notInSnapshot(
          ACCT,
          'baseline',
          'whether OU ou-ab12-99999999 (not in the snapshot) is below an excluded OU',
        ),
        notInSnapshot(
          ACCT,
          'workloads',
          `whether OU ou-ab12-99999999 (not in the snapshot) is below ${WORKLOADS}`,
        ),
      ],
      ignored: null,
    },
  ],
  [
    'a vending into an OU the snapshot lacks: notified, rules depending on that OU NotInSnapshot',
    before,
    events.vended('666666666666', 'ou-ab12-99999999'),
    {
      event: { type: 'ManagedAccountVended', accountId: '666666666666' },
      operations: [
        notify(
          'vended',
          '666666666666',
          'CreateManagedAccount 666666666666',
          'vended-acct in unknown (ou-ab12-99999999)',
        ),
      ],
      skipped: [
        notInSnapshot(
          '666666666666',
          'baseline',
          'whether OU ou-ab12-99999999 (not in the snapshot) is below an excluded OU',
        ),
        notInSnapshot(
          '666666666666',
          'workloads',
          `whether OU ou-ab12-99999999 (not in the snapshot) is below ${WORKLOADS}`,
        ),
      ],
      ignored: null,
    },
  ],
])('planForEvent: %s', (_name, snapshot, event, expected) => {
  it('plans exactly the expected operations', () => {
    expect(planForEvent(snapshot, governance, event)).toStrictEqual(expected);
  });

  it('gives the same plan on a snapshot taken after the event', () => {
    expect(planForEvent(applyEvent(snapshot, event), governance, event)).toStrictEqual(expected);
  });

  it("only touches the event's account", () => {
    const accountId = expected.event?.accountId;
    // A notification of an event without an account (a failed creation) names no account.
    const touched = (plan: Plan) =>
      plan.operations
        .filter((op) => op.type !== 'notify' || accountId !== null)
        .map((op) => op.accountId);
    const actual = touched(planForEvent(snapshot, governance, event));
    expect({
      count: actual.length,
      others: actual.filter((id) => id !== accountId),
    }).toStrictEqual({ count: touched(expected).length, others: [] });
  });
});

describe('planForEvent: notifications', () => {
  it('CreateAccountFailed with a listening notification notifies with what is known', () => {
    const withFailure = config({
      notifications: [snsNotification('failures', ['CreateAccountFailed'])],
    });
    expect(planForEvent(before, withFailure, events.createFailed())).toStrictEqual({
      event: { type: 'CreateAccountFailed', accountId: null },
      operations: [
        notify(
          'failures',
          'unknown',
          'CreateAccountResult unknown',
          'payments-dev-2 in unknown (unknown)',
        ),
      ],
      skipped: [],
      ignored: null,
    });
  });

  it('webhook and SNS targets without templates use the default subject and body', () => {
    const plain = config({
      notifications: [
        {
          id: 'hook',
          on: ['AccountJoined'],
          target: {
            type: 'webhook',
            url: 'https://x.example.com',
            secretArn: 'arn:aws:secretsmanager:us-east-1:1:secret:s',
          },
        },
      ],
    });
    const snapshot = org({
      organizationalUnits: [{ id: WORKLOADS, name: 'Workloads', parentId: ROOT }],
      accounts: [account(ACCT, WORKLOADS, { name: 'known' })],
    });
    expect(planForEvent(snapshot, plain, events.joined(ACCT)).operations).toStrictEqual([
      {
        type: 'notify',
        accountId: ACCT,
        notificationId: 'hook',
        targetType: 'webhook',
        subject: `AcceptHandshake: account ${ACCT} (known)`,
        body: `Account ${ACCT} (known) in OU ${WORKLOADS} (Workloads): AcceptHandshake.`,
      },
    ]);
  });
});

describe('planForEvent: partial knowledge', () => {
  it.each([
    ['a move to an OU the snapshot lacks', events.moved(ACCT, ROOT, 'ou-ab12-99999999')],
    ['a vending into an OU the snapshot lacks', events.vended('666666666666', 'ou-ab12-99999999')],
  ])('plans %s without a typed error, skipping NotInSnapshot', (_name, event) => {
    const plan = planForEvent(before, governance, event);
    expect([plan.ignored, [...new Set(plan.skipped.map((s) => s.reason))]]).toStrictEqual([
      null,
      ['NotInSnapshot'],
    ]);
  });

  it('grants what a rule decided by what is known asks (the OU itself is the scope)', () => {
    const unknownOu = 'ou-ab12-99999999';
    const byOu = config({
      scpRules: [
        scpRule('exact', ['DenyRegions'], { type: 'ou', id: unknownOu, includeDescendants: true }),
      ],
    });
    const bare = org({ accounts: [account(ACCT, ROOT)] });
    expect(planForEvent(bare, byOu, events.moved(ACCT, ROOT, unknownOu))).toStrictEqual(
      planned('AccountMoved', ACCT, [attach(ACCT, 'p-cccc3333', ['exact'])]),
    );
  });

  it('never removes what an undecided rule could grant', () => {
    const managed = org({
      accounts: [account(ACCT, WORKLOADS)],
      attachments: [{ targetId: ACCT, policyId: 'p-cccc3333', managedBy: ['workloads'] }],
    });
    const plan = planForEvent(
      managed,
      governance,
      events.moved(ACCT, WORKLOADS, 'ou-ab12-99999999'),
    );
    expect(plan.operations).toStrictEqual([]);
  });
});

describe('planForParseOutcome', () => {
  it('maps an ignored parser outcome to an ignored plan', () => {
    const outcome = {
      kind: 'ignored',
      reason: 'ApiCallFailed',
      eventId: 'e-1',
      eventName: 'MoveAccount',
      detail: 'AccessDenied',
    } as const;
    expect(planForParseOutcome(before, governance, outcome)).toStrictEqual({
      event: { type: 'MoveAccount', accountId: null },
      operations: [],
      skipped: [],
      ignored: 'ApiCallFailed',
    });
  });

  it('plans a parsed event', () => {
    const event = events.moved(ACCT, ROOT, PROD);
    expect(planForParseOutcome(before, governance, { kind: 'event', event })).toStrictEqual(
      planForEvent(before, governance, event),
    );
  });
});
