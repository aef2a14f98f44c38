import type { GovernanceConfig, Operation, OrgSnapshot } from '@org/scope-engine';
import type { OperationMessage } from '../ports/operation-queue';
import { staticRulesSource } from '../rules/rules-source';
import { InMemoryOrganization } from '../testing/in-memory-organization';
import { VirtualClock } from '../testing/virtual-clock';
import { AccountReads } from './account-reads';
import { executeLevelTriggered } from './execute-level-triggered';
import {
  ADMIN_ARN as ADMIN,
  ADMIN_SET,
  FULL_AWS_ACCESS,
  OPS_GROUP,
  BASELINE_SCP_RULE,
  DEFAULT_SETTINGS,
  groupRule,
  READ_ONLY_SET,
  activeAccount,
  orgSnapshot,
  PROD_ADMINS_RULE,
} from '../../test/support/org-fixtures';
import { workerPorts } from '../../test/support/worker-ports';

const ACCOUNT = '222222222222';
const OPS = 'g-ops';

const ORG: OrgSnapshot = orgSnapshot({
  accounts: [activeAccount(ACCOUNT, 'app', 'r-ab12', { env: 'dev' })],
  policies: [FULL_AWS_ACCESS, { id: 'p-base0001', name: 'Baseline' }],
  permissionSets: [ADMIN_SET, READ_ONLY_SET],
  principals: [OPS_GROUP],
  attachments: [{ targetId: ACCOUNT, policyId: FULL_AWS_ACCESS.id }],
});

const [APP] = ORG.accounts as [OrgSnapshot['accounts'][number]];

const CONFIG: GovernanceConfig = {
  settings: DEFAULT_SETTINGS,
  scpRules: [BASELINE_SCP_RULE],
  assignmentRules: [
    PROD_ADMINS_RULE,
    groupRule('ops-readonly', 'ReadOnly', 'Ops', { type: 'root' }),
  ],
  notifications: [],
};

const admin = (type: 'createAssignment' | 'deleteAssignment', ruleIds: string[]): Operation => ({
  type,
  accountId: ACCOUNT,
  permissionSetArn: ADMIN,
  principalType: 'GROUP',
  principalId: OPS,
  ruleIds,
});

/** The baseline SCP attached to the account, as the baseline rule plans it. */
const attach: Operation = {
  type: 'attachPolicy',
  policyType: 'SERVICE_CONTROL_POLICY',
  accountId: ACCOUNT,
  policyId: 'p-base0001',
  ruleIds: ['baseline'],
};

/** The provisioned-state record of the baseline attach (written before its request). */
const BASELINE_INTENT = {
  kind: 'attachment' as const,
  policyId: 'p-base0001',
  policyType: 'SERVICE_CONTROL_POLICY' as const,
  ruleIds: ['baseline'],
  tagKeys: [],
};

function setup(config: GovernanceConfig = CONFIG) {
  const clock = new VirtualClock(0);
  const calls: string[] = [];
  const { org, deps, audit, provisionedState, reports } = workerPorts(
    ORG,
    clock,
    staticRulesSource(config),
    (recorded) => ({
      readAccountStructure: (id: string) => {
        calls.push(`read ${id}`);
        return recorded.readAccountStructure(id);
      },
      attachPolicy: (policyId: string, targetId: string) => {
        calls.push(`attach ${policyId}`);
        return recorded.attachPolicy(policyId, targetId);
      },
      detachPolicy: (policyId: string, targetId: string) => {
        calls.push(`detach ${policyId}`);
        return recorded.detachPolicy(policyId, targetId);
      },
    }),
  );
  const run = (message: OperationMessage, reads?: AccountReads) =>
    clock.run(() => executeLevelTriggered(message, deps, reads ? { reads } : {}));
  return { org, deps, audit, provisionedState, reports, calls, run };
}

const hasAdmin = (org: InMemoryOrganization) =>
  org.snapshot().assignments.some((a) => a.permissionSetArn === ADMIN);

describe('executeLevelTriggered', () => {
  it('executes what the current desired state asks for, with the rule ids that justify it now', async () => {
    const { org, run, provisionedState } = setup();
    org.putAccount({ ...APP, tags: { env: 'prod' } });
    const result = await run({
      eventId: 'e-1',
      operation: admin('createAssignment', ['x', 'prod-admins']),
    });
    expect({
      status: result.status,
      admin: hasAdmin(org),
      ruleIds: (await provisionedState.getAccount(ACCOUNT)).items.map((i) => i.ruleIds),
    }).toStrictEqual({ status: 'applied', admin: true, ruleIds: [['prod-admins']] });
  });

  it('leaves a create whose account was re-tagged since unexecuted, audited stale', async () => {
    const { org, run, audit, reports } = setup();
    const result = await run({
      eventId: 'e-1',
      operation: admin('createAssignment', ['prod-admins']),
    });
    expect({
      status: result.status,
      admin: hasAdmin(org),
      audit: audit.entries().map((e) => [e.outcome, e.detail]),
      reports,
    }).toStrictEqual({
      status: 'stale',
      admin: false,
      audit: [['stale', 'the current rules no longer ask for it on this account']],
      reports: [],
    });
  });

  it.each<{ name: string; operation: Operation; managed?: boolean }>([
    {
      name: 'a detach of FullAWSAccess',
      operation: {
        type: 'detachPolicy',
        policyType: 'SERVICE_CONTROL_POLICY',
        accountId: ACCOUNT,
        policyId: 'p-FullAWSAccess',
        ruleIds: [],
      },
      managed: true,
    },
    {
      name: 'an Admin grant citing a rule that does not exist',
      operation: admin('createAssignment', ['forged']),
    },
    {
      name: 'an Admin grant citing a rule that grants something else',
      operation: admin('createAssignment', ['ops-readonly']),
    },
    {
      name: 'a delete of an assignment the product does not manage',
      operation: admin('deleteAssignment', []),
    },
    {
      name: 'an attach citing an assignment rule',
      operation: {
        type: 'attachPolicy',
        policyType: 'SERVICE_CONTROL_POLICY',
        accountId: ACCOUNT,
        policyId: 'p-base0001',
        ruleIds: ['prod-admins'],
      },
    },
  ])(
    'refuses $name as notJustified: nothing called, audited, alerted',
    async ({ operation, managed }) => {
      const { org, run, audit, reports, calls, provisionedState } = setup();
      org.putAccount({ ...APP, tags: { env: 'prod' } });
      if (operation.type !== 'notify' && 'policyId' in operation && managed) {
        const item = {
          kind: 'attachment' as const,
          policyId: operation.policyId,
          ruleIds: ['x'],
          tagKeys: [],
        };
        await provisionedState.recordApplied(ACCOUNT, item);
      }
      if (operation.type === 'deleteAssignment') {
        // Made by hand: it exists, and the product has no record of it.
        await org.createAssignment({ ...operation });
      }
      const before = org.snapshot();
      const result = await run({ eventId: 'e-forged', operation });
      expect({
        status: result.status,
        writes: calls.filter((c) => !c.startsWith('read')),
        unchanged: org.snapshot() === before,
        audit: audit.entries().map((e) => e.outcome),
        reports: reports.map((r) => [r.kind, r.accountId]),
      }).toStrictEqual({
        status: 'notJustified',
        writes: [],
        unchanged: true,
        audit: ['notJustified'],
        reports: [['OperationNotJustified', ACCOUNT]],
      });
    },
  );

  it('a repeated delete of an item already gone (its record dropped by the first) is stale, not refused', async () => {
    const { run, audit, reports } = setup();
    const result = await run({ eventId: 'e-2', operation: admin('deleteAssignment', []) });
    expect({
      status: result.status,
      audit: audit.entries().map((e) => [e.outcome, e.detail]),
      reports,
    }).toStrictEqual({
      status: 'stale',
      audit: [['stale', 'the item is already gone']],
      reports: [],
    });
  });

  it('reads each account once per batch and sees its own attaches', async () => {
    const { run, calls, deps } = setup();
    const reads = new AccountReads(deps.organizations);
    const first = await run({ eventId: 'e-1', operation: attach }, reads);
    const second = await run({ eventId: 'e-2', operation: attach }, reads);
    expect({ statuses: [first.status, second.status], calls }).toStrictEqual({
      statuses: ['applied', 'stale'],
      calls: [`read ${ACCOUNT}`, 'attach p-base0001'],
    });
  });

  it('keeps an attach whose effect happened before a crash recorded: its intent went on record first', async () => {
    const { org, run, provisionedState, calls } = setup();
    // The crashed attempt: its intent, then its effect; then the worker died.
    await provisionedState.recordApplied(ACCOUNT, BASELINE_INTENT);
    await org.attachPolicy('p-base0001', ACCOUNT);
    const result = await run({ eventId: 'e-1', operation: attach });
    expect({
      status: result.status,
      calls,
      items: (await provisionedState.getAccount(ACCOUNT)).items.map((i) => [i.kind, i.ruleIds]),
    }).toStrictEqual({
      status: 'stale',
      calls: [`read ${ACCOUNT}`],
      items: [['attachment', ['baseline']]],
    });
  });

  it('leaves a desired policy someone attached by hand unmanaged, so a later detach is refused', async () => {
    const { org, run, provisionedState, calls } = setup();
    await org.attachPolicy('p-base0001', ACCOUNT); // by hand, between the plan and the worker
    const attached = await run({ eventId: 'e-1', operation: attach });
    const detached = await run({
      eventId: 'e-2',
      operation: { ...attach, type: 'detachPolicy', ruleIds: [] },
    });
    expect({
      statuses: [attached.status, detached.status],
      calls,
      items: (await provisionedState.getAccount(ACCOUNT)).items,
      stillAttached: org
        .snapshot()
        .attachments.some((a) => a.targetId === ACCOUNT && a.policyId === 'p-base0001'),
    }).toStrictEqual({
      statuses: ['stale', 'notJustified'],
      calls: [`read ${ACCOUNT}`, `read ${ACCOUNT}`],
      items: [],
      stillAttached: true,
    });
  });

  it('drops the intent of an attach no longer asked for whose request never went out', async () => {
    const excluded = {
      ...CONFIG,
      scpRules: [{ ...BASELINE_SCP_RULE, exclude: { accounts: [ACCOUNT], ous: [] } }],
    };
    const { run, provisionedState, calls } = setup(excluded);
    await provisionedState.recordApplied(ACCOUNT, BASELINE_INTENT); // then the worker died
    const result = await run({ eventId: 'e-1', operation: attach });
    expect({
      status: result.status,
      calls,
      items: (await provisionedState.getAccount(ACCOUNT)).items,
    }).toStrictEqual({ status: 'stale', calls: [`read ${ACCOUNT}`], items: [] });
  });

  it('confirms a negative verdict against fresh caches (a rule added a moment ago)', async () => {
    const { org, deps, audit } = setup({ ...CONFIG, assignmentRules: [] });
    org.putAccount({ ...APP, tags: { env: 'prod' } });
    let refreshed = 0;
    const fresh = staticRulesSource(CONFIG);
    let rules = deps.rules;
    const checked = {
      ...deps,
      rules: { current: () => rules.current() },
      refreshCaches: () => {
        refreshed += 1;
        rules = fresh;
      },
    };
    const message = { eventId: 'e-1', operation: admin('createAssignment', ['prod-admins']) };
    const result = await deps.clock.run(() => executeLevelTriggered(message, checked));
    expect({
      status: result.status,
      refreshed,
      audit: audit.entries().map((e) => e.outcome),
    }).toStrictEqual({
      status: 'applied',
      refreshed: 1,
      audit: ['applied'],
    });
  });

  it('lets the status check of a deletion another deletion settled first go as stale, unalerted', async () => {
    const { run, audit, reports } = setup();
    // Two deletions were in flight; the other one settled and dropped the record.
    const result = await run({
      eventId: 'e-1',
      operation: admin('deleteAssignment', []),
      pending: { requestId: 'd-1', polls: 1 },
    });
    expect({
      status: result.status,
      audit: audit.entries().map((e) => [e.outcome, e.detail]),
      reports,
    }).toStrictEqual({
      status: 'stale',
      audit: [['stale', 'another removal of the item settled first: it is gone']],
      reports: [],
    });
  });

  it('refuses the status check of a deletion of an assignment that is there without a record', async () => {
    const { org, run } = setup();
    await org.createAssignment({
      accountId: ACCOUNT,
      permissionSetArn: ADMIN,
      principalType: 'GROUP',
      principalId: OPS,
    });
    const result = await run({
      eventId: 'e-1',
      operation: admin('deleteAssignment', []),
      pending: { requestId: 'd-1', polls: 1 },
    });
    expect({ status: result.status, admin: hasAdmin(org) }).toStrictEqual({
      status: 'notJustified',
      admin: true,
    });
  });

  it('drops the record of a removal that already happened (stale, item gone)', async () => {
    const { org, run, provisionedState } = setup();
    const item = {
      kind: 'assignment' as const,
      permissionSetArn: ADMIN,
      principalType: 'GROUP' as const,
      principalId: OPS,
      ruleIds: ['prod-admins'],
      tagKeys: ['env'],
    };
    await provisionedState.recordApplied(ACCOUNT, item);
    const result = await run({ eventId: 'e-1', operation: admin('deleteAssignment', []) });
    expect({
      status: result.status,
      admin: hasAdmin(org),
      items: (await provisionedState.getAccount(ACCOUNT)).items,
    }).toStrictEqual({ status: 'stale', admin: false, items: [] });
  });
});
