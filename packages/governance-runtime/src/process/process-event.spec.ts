import type { DomainEvent, ParseOutcome } from '@org/event-schemas';
import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import { AccountNotVisibleError } from '../errors';
import { InMemoryAuditLog } from '../testing/in-memory-audit-log';
import { InMemoryDirectoryViewStore } from '../testing/in-memory-directory-view-store';
import { InMemoryOperationQueue } from '../testing/in-memory-operation-queue';
import { InMemoryOrganization } from '../testing/in-memory-organization';
import { InMemoryProvisionedState } from '../testing/in-memory-provisioned-state';
import { VirtualClock } from '../testing/virtual-clock';
import { staticRulesSource } from '../rules/rules-source';
import { CachedDirectoryView, type StoredDirectoryView } from '../state/directory-view-store';
import { processEvent } from './process-event';
import {
  activeAccount,
  ADMIN_ARN as ADMIN,
  ADMIN_SET,
  AUDITORS_RULE,
  BASELINE_SCP_RULE,
  DEFAULT_SETTINGS,
  FULL_AWS_ACCESS,
  groupAssignment,
  groupRule,
  MANAGEMENT_ACCOUNT,
  NESTED_OUS,
  NO_EXCLUSIONS as NONE,
  OPS_GROUP,
  READ_ONLY_ARN as RO,
  AUDITORS_GROUP,
  READ_ONLY_SET,
  orgSnapshot,
  groupAssignmentItem,
} from '../../test/support/org-fixtures';
import { eventMeta as meta } from '../../test/support/event-fixtures';

const ORG: OrgSnapshot = orgSnapshot({
  organizationalUnits: NESTED_OUS,
  accounts: [
    MANAGEMENT_ACCOUNT,
    activeAccount('222222222222', 'app', 'ou-ab12-aaaaaaaa', { env: 'dev' }),
    activeAccount('333333333333', 'data', 'ou-ab12-bbbbbbbb', { env: 'prod' }),
  ],
  policies: [
    FULL_AWS_ACCESS,
    { id: 'p-base0001', name: 'Baseline' },
    { id: 'p-work0001', name: 'WorkloadRegions' },
  ],
  permissionSets: [READ_ONLY_SET, ADMIN_SET],
  principals: [AUDITORS_GROUP, OPS_GROUP],
  attachments: [
    { targetId: '222222222222', policyId: 'p-FullAWSAccess' },
    { targetId: '222222222222', policyId: 'p-base0001' },
    { targetId: '222222222222', policyId: 'p-work0001' },
    { targetId: '333333333333', policyId: 'p-base0001' },
    { targetId: '333333333333', policyId: 'p-work0001' },
  ],
  assignments: [
    groupAssignment('222222222222', RO, 'g-auditors'),
    groupAssignment('333333333333', RO, 'g-auditors'),
    groupAssignment('333333333333', ADMIN, 'g-ops'),
  ],
});

const CONFIG: GovernanceConfig = {
  settings: DEFAULT_SETTINGS,
  scpRules: [
    BASELINE_SCP_RULE,
    {
      id: 'workloads',
      policies: ['p-work0001'],
      scope: { type: 'ou', id: 'ou-ab12-aaaaaaaa', includeDescendants: true },
      exclude: NONE,
    },
  ],
  assignmentRules: [
    AUDITORS_RULE,
    groupRule('prod-ops', 'Admin', 'Ops', { type: 'accountTag', key: 'env', value: 'prod' }),
  ],
  notifications: [
    {
      id: 'new-accounts',
      on: ['AccountCreated'],
      target: { type: 'sns', topicArn: 'arn:aws:sns:us-east-1:111111111111:new' },
    },
  ],
};

/** Provisioned state matching ORG: everything the rules justify was created by the product. */
async function provisionedState(): Promise<InMemoryProvisionedState> {
  const state = new InMemoryProvisionedState();
  for (const accountId of ['222222222222', '333333333333']) {
    await state.recordApplied(accountId, {
      kind: 'attachment',
      policyId: 'p-base0001',
      ruleIds: ['baseline'],
      tagKeys: [],
    });
    await state.recordApplied(accountId, {
      kind: 'attachment',
      policyId: 'p-work0001',
      ruleIds: ['workloads'],
      tagKeys: [],
    });
    const auditors = {
      permissionSetArn: RO,
      principalType: 'GROUP' as const,
      principalId: 'g-auditors',
    };
    await state.recordApplied(accountId, {
      kind: 'assignment',
      ...auditors,
      ruleIds: ['auditors'],
      tagKeys: [],
    });
  }
  await state.recordApplied(
    '333333333333',
    groupAssignmentItem(ADMIN, 'g-ops', ['prod-ops'], ['env']),
  );
  return state;
}

interface Case {
  readonly name: string;
  /** What the live organization looks like when the event is processed. */
  readonly live: (org: InMemoryOrganization) => void;
  readonly outcome: Exclude<ParseOutcome, { kind: 'error' }>;
  readonly expected: unknown;
}

const event = (e: DomainEvent): Exclude<ParseOutcome, { kind: 'error' }> => ({
  kind: 'event',
  event: e,
});
const app = ORG.accounts[1];
const data = ORG.accounts[2];

const created = event({
  type: 'AccountCreated',
  accountId: '444444444444',
  accountName: 'new',
  meta: meta('CreateAccountResult'),
});
const addNew = (org: InMemoryOrganization) =>
  org.putAccount({
    id: '444444444444',
    name: 'new',
    parentId: 'r-ab12',
    status: 'ACTIVE',
    tags: {},
  });

/** What a case observes: the default is a planned event that enqueues and notifies nothing. */
interface Expected {
  readonly enqueued: readonly unknown[];
  readonly notifications: readonly unknown[];
  readonly ignored: string | null;
  readonly audit: readonly (readonly [string, string, string | null])[];
  readonly forgotten: boolean;
  readonly lagSeconds: number | null;
}

/** The expectation of a planned event that enqueues and notifies nothing, with `overrides`. */
const expectation = (overrides: Partial<Expected>): Expected => ({
  enqueued: [],
  notifications: [],
  ignored: null,
  audit: [['plan', 'planned', null]],
  forgotten: false,
  lagSeconds: 3600,
  ...overrides,
});

/** The one operation of a move of `app` out of Workloads: Workloads' SCP is detached. */
const DETACH_WORKLOADS_FROM_APP = {
  eventId: 'evt-MoveAccount',
  operation: {
    type: 'detachPolicy',
    policyType: 'SERVICE_CONTROL_POLICY',
    accountId: '222222222222',
    policyId: 'p-work0001',
    ruleIds: [],
  },
};

const cases: Case[] = [
  {
    name: 'a created account gets the root rules and the notification',
    live: addNew,
    outcome: created,
    expected: expectation({
      enqueued: [
        {
          eventId: 'evt-CreateAccountResult',
          operation: {
            type: 'attachPolicy',
            policyType: 'SERVICE_CONTROL_POLICY',
            accountId: '444444444444',
            policyId: 'p-base0001',
            ruleIds: ['baseline'],
          },
        },
        {
          eventId: 'evt-CreateAccountResult',
          operation: {
            type: 'createAssignment',
            accountId: '444444444444',
            permissionSetArn: RO,
            principalType: 'GROUP',
            principalId: 'g-auditors',
            ruleIds: ['auditors'],
          },
        },
      ],
      notifications: [
        {
          type: 'notify',
          accountId: '444444444444',
          notificationId: 'new-accounts',
          targetType: 'sns',
          subject: 'CreateAccountResult: account 444444444444 (new)',
          body: 'Account 444444444444 (new) in OU r-ab12 (Root): CreateAccountResult.',
        },
      ],
    }),
  },
  {
    name: 'a move out of Workloads detaches only what Workloads justified',
    live: (org) => org.putAccount({ ...app, parentId: 'ou-ab12-cccccccc' }),
    outcome: event({
      type: 'AccountMoved',
      accountId: '222222222222',
      sourceParentId: 'ou-ab12-aaaaaaaa',
      destinationParentId: 'ou-ab12-cccccccc',
      meta: meta('MoveAccount'),
    }),
    expected: expectation({ enqueued: [DETACH_WORKLOADS_FROM_APP] }),
  },
  {
    name: 'a stale move is planned from where the account is now (events are hints)',
    live: (org) => org.putAccount({ ...app, parentId: 'ou-ab12-cccccccc' }),
    outcome: event({
      type: 'AccountMoved',
      accountId: '222222222222',
      sourceParentId: 'r-ab12',
      destinationParentId: 'ou-ab12-bbbbbbbb',
      meta: meta('MoveAccount'),
    }),
    expected: expectation({ enqueued: [DETACH_WORKLOADS_FROM_APP] }),
  },
  {
    name: 'a tag value change removes the old value’s access and keeps the rest',
    live: (org) => org.putAccount({ ...data, tags: { env: 'dev' } }),
    outcome: event({
      type: 'AccountTagsChanged',
      accountId: '333333333333',
      change: { kind: 'set', tags: { env: 'dev' } },
      meta: meta('TagResource'),
    }),
    expected: expectation({
      enqueued: [
        {
          eventId: 'evt-TagResource',
          operation: {
            type: 'deleteAssignment',
            accountId: '333333333333',
            permissionSetArn: ADMIN,
            principalType: 'GROUP',
            principalId: 'g-ops',
            ruleIds: [],
          },
        },
      ],
    }),
  },
  {
    name: 'an ignored event is audited with its reason',
    live: () => undefined,
    outcome: {
      kind: 'ignored',
      reason: 'ApiCallFailed',
      eventId: 'evt-denied',
      eventName: 'MoveAccount',
      detail: 'AccessDenied',
    },
    expected: expectation({
      ignored: 'ApiCallFailed',
      audit: [['plan', 'ignored', 'ApiCallFailed']],
      lagSeconds: null,
    }),
  },
  {
    name: 'a removed account is forgotten without operations',
    live: (org) => org.removeAccount('333333333333'),
    outcome: event({
      type: 'AccountRemoved',
      accountId: '333333333333',
      meta: meta('RemoveAccountFromOrganization'),
    }),
    expected: expectation({ forgotten: true }),
  },
  {
    name: 'a move of an account that has left since is ignored',
    live: (org) => org.removeAccount('333333333333'),
    outcome: event({
      type: 'AccountMoved',
      accountId: '333333333333',
      sourceParentId: 'ou-ab12-bbbbbbbb',
      destinationParentId: 'r-ab12',
      meta: meta('MoveAccount'),
    }),
    expected: expectation({
      ignored: 'AccountNotInOrganization',
      audit: [['plan', 'ignored', 'AccountNotInOrganization']],
    }),
  },
];

/** How the processor reads Identity Center: live, or the view the last full read stored. */
type Readers = 'live' | 'stored view';

/** What a reconcile of ORG stores. */
const STORED_VIEW: StoredDirectoryView = {
  permissionSets: ORG.permissionSets,
  principals: ORG.principals,
  readAt: '1970-01-01T00:00:00.000Z',
};

async function run(
  testCase: Pick<Case, 'live' | 'outcome'>,
  readers: Readers = 'live',
  options: { view?: StoredDirectoryView | null; provisioned?: InMemoryProvisionedState } = {},
) {
  const org = new InMemoryOrganization(ORG);
  testCase.live(org);
  const provisioned = options.provisioned ?? (await provisionedState());
  const queue = new InMemoryOperationQueue();
  const audit = new InMemoryAuditLog();
  const clock = new VirtualClock(3_600_000);
  const ports = {
    provisionedState: provisioned,
    rules: staticRulesSource(CONFIG),
    queue,
    audit,
    clock,
  };
  const views = new InMemoryDirectoryViewStore(
    options.view === undefined ? STORED_VIEW : options.view,
  );
  const result = await processEvent(
    testCase.outcome,
    readers === 'live'
      ? { organizations: org, identityCenter: org, directory: org, ...ports }
      : {
          organizations: org,
          directoryView: new CachedDirectoryView(views, clock, 60_000),
          ...ports,
        },
  );
  return { result, queue, audit, provisioned };
}

describe('processEvent', () => {
  describe.each(cases)('$name', ({ live, outcome, expected }) => {
    it.each<Readers>(['live', 'stored view'])(
      'enqueues, returns and audits exactly this (%s readers)',
      async (readers) => {
        const { result, queue, audit, provisioned } = await run({ live, outcome }, readers);
        expect({
          enqueued: queue.peek(),
          notifications: result.notifications,
          ignored: result.plan.ignored,
          audit: audit.entries().map((e) => [e.type, e.outcome, e.detail ?? null]),
          forgotten: (await provisioned.getAccount('333333333333')).items.length === 0,
          lagSeconds: result.lagSeconds,
        }).toStrictEqual(expected);
      },
    );
  });

  it.each(['AccountCreated', 'AccountJoined'] as const)(
    'retries a %s whose account is not visible yet',
    async (type) => {
      const outcome = event({
        type,
        accountId: '444444444444',
        accountName: null,
        meta: meta(type),
      } as DomainEvent);
      await expect(run({ live: () => undefined, outcome })).rejects.toStrictEqual(
        new AccountNotVisibleError('444444444444', type),
      );
    },
  );

  it('skips assignment rules while no directory view is stored (log and complete, seed 001)', async () => {
    const { queue, result } = await run({ live: addNew, outcome: created }, 'stored view', {
      view: null,
    });
    expect({
      enqueued: queue.peek().map(({ operation }) => operation.type),
      skipped: result.plan.skipped.map((skip) => [skip.ruleId, skip.reason]),
    }).toStrictEqual({
      enqueued: ['attachPolicy'],
      skipped: [
        ['auditors', 'PermissionSetNotFound'],
        ['auditors', 'PrincipalNotFound'],
      ],
    });
  });

  it('sees only the assignments the product made with the stored view; the live readers see them all', async () => {
    // 333333333333 has Admin→Ops live (ORG), but nothing provisioned: someone made it by hand.
    const handMade = new InMemoryProvisionedState();
    const moved = event({
      type: 'AccountTagsChanged',
      accountId: '333333333333',
      change: { kind: 'set', tags: { env: 'prod' } },
      meta: meta('TagResource'),
    });
    const planned = async (readers: Readers) =>
      (
        await run({ live: () => undefined, outcome: moved }, readers, { provisioned: handMade })
      ).queue
        .peek()
        .filter(({ operation }) => operation.type === 'createAssignment')
        .map(({ operation }) => ('principalId' in operation ? operation.principalId : null));
    expect({ live: await planned('live'), stored: await planned('stored view') }).toStrictEqual({
      live: [],
      stored: ['g-ops', 'g-auditors'],
    });
  });
});
