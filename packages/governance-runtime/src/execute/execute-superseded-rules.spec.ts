/**
 * Operations planned under rules changed since they were queued (a rule removed, a change
 * reverted): `Stale` when a configuration superseded within the retention period justifies them,
 * still `NotJustified` when none does (forged, or older than the retention).
 */
import type { GovernanceConfig, Operation, OrgSnapshot } from '@org/scope-engine';
import type { OperationMessage } from '../ports/operation-queue';
import { CachedRulesSource } from '../rules/rules-source';
import { InMemoryRulesRepository } from '../testing/in-memory-rules-repository';
import { VirtualClock } from '../testing/virtual-clock';
import { executeLevelTriggered } from './execute-level-triggered';
import {
  ADMIN_ARN,
  ADMIN_SET,
  BASELINE_SCP_RULE,
  DEFAULT_SETTINGS,
  FULL_AWS_ACCESS,
  OPS_GROUP,
  READ_ONLY_SET,
  activeAccount,
  groupRule,
  orgSnapshot,
} from '../../test/support/org-fixtures';
import { workerPorts } from '../../test/support/worker-ports';

const ACCOUNT = '222222222222';
const MINUTE = 60_000;
const GUARD = { id: 'p-guard001', name: 'Guard' };

const ORG: OrgSnapshot = orgSnapshot({
  accounts: [activeAccount(ACCOUNT, 'app', 'r-ab12', { env: 'dev' })],
  policies: [FULL_AWS_ACCESS, { id: 'p-base0001', name: 'Baseline' }, GUARD],
  permissionSets: [ADMIN_SET, READ_ONLY_SET],
  principals: [OPS_GROUP],
  attachments: [{ targetId: ACCOUNT, policyId: FULL_AWS_ACCESS.id }],
});

const BASE: GovernanceConfig = {
  settings: DEFAULT_SETTINGS,
  scpRules: [BASELINE_SCP_RULE],
  assignmentRules: [groupRule('ops-readonly', 'ReadOnly', 'Ops', { type: 'root' })],
  notifications: [],
};
const GUARD_RULE = { ...BASELINE_SCP_RULE, id: 'guard', policies: ['Guard'] };
const WITH_GUARD: GovernanceConfig = { ...BASE, scpRules: [BASELINE_SCP_RULE, GUARD_RULE] };
/** The baseline rule changed to attach Guard instead. */
const BASELINE_CHANGED: GovernanceConfig = {
  ...BASE,
  scpRules: [{ ...BASELINE_SCP_RULE, policies: ['Guard'] }],
};
const WITH_OPS_ADMIN: GovernanceConfig = {
  ...BASE,
  assignmentRules: [
    ...BASE.assignmentRules,
    groupRule('ops-admin', 'Admin', 'Ops', { type: 'root' }),
  ],
};

const attachGuard = (ruleIds: string[]): Operation => ({
  type: 'attachPolicy',
  policyType: 'SERVICE_CONTROL_POLICY',
  accountId: ACCOUNT,
  policyId: GUARD.id,
  ruleIds,
});

const createAdmin = (ruleIds: string[]): Operation => ({
  type: 'createAssignment',
  accountId: ACCOUNT,
  permissionSetArn: ADMIN_ARN,
  principalType: 'GROUP',
  principalId: OPS_GROUP.id,
  ruleIds,
});

const detachFullAwsAccess: Operation = {
  type: 'detachPolicy',
  policyType: 'SERVICE_CONTROL_POLICY',
  accountId: ACCOUNT,
  policyId: FULL_AWS_ACCESS.id,
  ruleIds: [],
};

/**
 * The worker's ports after `history` was saved one configuration a minute (the last is current),
 * with the rules read through the cache the deployed worker uses.
 */
async function setup(history: readonly GovernanceConfig[]) {
  const clock = new VirtualClock(0);
  const repository = new InMemoryRulesRepository(clock);
  const loadRecent = jest.spyOn(repository, 'loadRecent');
  await clock.run(async () => {
    for (const [i, config] of history.entries()) {
      await repository.save(config, i, new Date(clock.now()).toISOString());
      await clock.sleep(MINUTE);
    }
  });
  const { org, audit, reports, provisionedState, deps } = workerPorts(
    ORG,
    clock,
    new CachedRulesSource(repository, clock, MINUTE),
  );
  const run = (message: OperationMessage) => clock.run(() => executeLevelTriggered(message, deps));
  const later = (ms: number) => clock.run(() => clock.sleep(ms));
  return { org, audit, reports, provisionedState, loadRecent, run, later };
}

describe('executeLevelTriggered with superseded rules', () => {
  it.each<{ name: string; history: GovernanceConfig[]; operation: Operation; version: number }>([
    {
      name: 'a rule added, then the change reverted (the rule removed again)',
      history: [BASE, WITH_GUARD, BASE],
      operation: attachGuard(['guard']),
      version: 2,
    },
    {
      name: 'a rule removed',
      history: [WITH_GUARD, BASE],
      operation: attachGuard(['guard']),
      version: 1,
    },
    {
      name: "a rule's policy changed, then reverted",
      history: [BASE, BASELINE_CHANGED, BASE],
      operation: attachGuard(['baseline']),
      version: 2,
    },
    {
      name: 'an assignment rule added, then the change reverted',
      history: [BASE, WITH_OPS_ADMIN, BASE],
      operation: createAdmin(['ops-admin']),
      version: 2,
    },
  ])(
    '$name: stale, not executed, audited, not alerted',
    async ({ history, operation, version }) => {
      const { org, audit, reports, run } = await setup(history);
      const before = org.snapshot();
      const result = await run({ eventId: 'e-planned', operation });
      expect({
        status: result.status,
        unchanged: org.snapshot() === before,
        audit: audit.entries().map((e) => [e.outcome, e.detail?.split(' (')[0]]),
        reports,
      }).toStrictEqual({
        status: 'stale',
        unchanged: true,
        audit: [['stale', `justified by rules version ${version}, superseded`]],
        reports: [],
      });
    },
  );

  it.each<{ name: string; operation: Operation; managed?: boolean }>([
    { name: 'an attach citing a rule id never stored', operation: attachGuard(['forged']) },
    {
      name: 'an attach citing a stored rule that never attached that policy',
      operation: attachGuard(['ops-readonly']),
    },
    {
      name: 'an Admin grant citing a rule that granted something else',
      operation: createAdmin(['ops-readonly']),
    },
    { name: 'a detach of FullAWSAccess', operation: detachFullAwsAccess, managed: true },
  ])(
    'still refuses $name as notJustified while superseded rules are retained',
    async ({ operation, managed }) => {
      const { org, audit, reports, run, provisionedState } = await setup([
        BASE,
        WITH_GUARD,
        WITH_OPS_ADMIN,
        BASE,
      ]);
      if (managed === true) {
        const item = { kind: 'attachment' as const, policyId: FULL_AWS_ACCESS.id, ruleIds: ['x'] };
        await provisionedState.recordApplied(ACCOUNT, { ...item, tagKeys: [] });
      }
      const before = org.snapshot();
      const result = await run({ eventId: 'e-forged', operation });
      expect({
        status: result.status,
        unchanged: org.snapshot() === before,
        audit: audit.entries().map((e) => e.outcome),
        reports: reports.map((r) => [r.kind, r.accountId]),
      }).toStrictEqual({
        status: 'notJustified',
        unchanged: true,
        audit: ['notJustified'],
        reports: [['OperationNotJustified', ACCOUNT]],
      });
    },
  );

  it('refuses an operation justified only by rules superseded longer than the retention ago', async () => {
    const { audit, reports, run, later } = await setup([WITH_GUARD, BASE]);
    await later(90 * MINUTE);
    const result = await run({ eventId: 'e-late', operation: attachGuard(['guard']) });
    expect({
      status: result.status,
      audit: audit.entries().map((e) => e.outcome),
      reports: reports.length,
    }).toStrictEqual({ status: 'notJustified', audit: ['notJustified'], reports: 1 });
  });

  it('reads the superseded rules only when the current ones refuse, once per cache period', async () => {
    const { loadRecent, run } = await setup([WITH_GUARD, BASE]);
    const attachBaseline: Operation = {
      type: 'attachPolicy',
      policyType: 'SERVICE_CONTROL_POLICY',
      accountId: ACCOUNT,
      policyId: 'p-base0001',
      ruleIds: ['baseline'],
    };
    const statuses = [
      (await run({ eventId: 'e-1', operation: attachBaseline })).status,
      loadRecent.mock.calls.length,
      (await run({ eventId: 'e-2', operation: attachGuard(['guard']) })).status,
      (await run({ eventId: 'e-3', operation: attachGuard(['guard']) })).status,
      loadRecent.mock.calls.length,
    ];
    expect(statuses).toStrictEqual(['applied', 0, 'stale', 'stale', 1]);
  });

  it('keeps observing a status check of a create sent while superseded rules were current', async () => {
    const { run, provisionedState } = await setup([BASE, WITH_OPS_ADMIN, BASE]);
    const result = await run({
      eventId: 'e-1',
      operation: createAdmin(['ops-admin']),
      pending: { requestId: 'r-1', polls: 0 },
    });
    expect({
      status: result.status,
      recorded: (await provisionedState.getAccount(ACCOUNT)).items.map((i) => i.kind),
    }).toStrictEqual({ status: 'applied', recorded: ['assignment'] });
  });

  it.each([
    { name: 'stale: a superseded rule justifies it', wait: 0, status: 'stale' },
    {
      name: 'refused: only rules past the retention justify it',
      wait: 90 * MINUTE,
      status: 'notJustified',
    },
  ])("drops an attach's unsent intent when it does not run — $name", async ({ wait, status }) => {
    const { run, later, provisionedState } = await setup([WITH_GUARD, BASE]);
    await later(wait);
    // The intent went on record, then the worker died before the request.
    await provisionedState.recordApplied(ACCOUNT, {
      kind: 'attachment',
      policyId: GUARD.id,
      policyType: 'SERVICE_CONTROL_POLICY',
      ruleIds: ['guard'],
      tagKeys: [],
    });
    const result = await run({ eventId: 'e-1', operation: attachGuard(['guard']) });
    expect({
      status: result.status,
      items: (await provisionedState.getAccount(ACCOUNT)).items,
    }).toStrictEqual({ status, items: [] });
  });
});
