import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import type { FailureReport } from '../failure-reporter';
import { NOT_PAUSED } from '../pause/pause-switch';
import { staticRulesSource } from '../rules/rules-source';
import { InMemoryPauseSwitch } from '../testing/in-memory-pause-switch';
import { applyRules } from './apply-rules';
import { describeHold } from './destructive-hold';
import { reconcile } from './reconcile';
import {
  AUDITORS_GROUP,
  READ_ONLY_SET,
  orgSnapshot,
  activeAccount,
  groupAssignment,
  READ_ONLY_ARN as RO,
  groupAssignmentItem,
} from '../../test/support/org-fixtures';
import { inMemoryRulesRepository, inMemoryPorts } from '../../test/support/in-memory-ports';

const ROOT = 'r-ab12';
const accountId = (n: number) => String(200000000000 + n);

/** `n` accounts, each with a managed assignment of a retired rule: `n` deletes to plan. */
function orgWithRetiredGrants(n: number): OrgSnapshot {
  const ids = Array.from({ length: n }, (_, i) => accountId(i + 1));
  return orgSnapshot({
    accounts: ids.map((id) => activeAccount(id, id, ROOT)),
    permissionSets: [READ_ONLY_SET],
    principals: [AUDITORS_GROUP, { type: 'GROUP', name: 'Retired', id: 'g-retired' }],
    assignments: ids.map((id) => groupAssignment(id, RO, 'g-retired')),
  });
}

/** One rule granting the auditors the first account: one create besides the deletes. */
function rules(maxDestructiveOperations?: number): GovernanceConfig {
  return {
    settings: {
      maxScpsPerTarget: 10,
      includeManagementAccount: false,
      ...(maxDestructiveOperations === undefined ? {} : { maxDestructiveOperations }),
    },
    scpRules: [],
    assignmentRules: [
      {
        id: 'auditors',
        permissionSet: 'ReadOnly',
        principal: { type: 'GROUP', name: 'Auditors' },
        scope: { type: 'account', id: accountId(1) },
        exclude: { accounts: [], ous: [] },
      },
    ],
    notifications: [],
  };
}

async function setup(deletes: number) {
  const ports = inMemoryPorts(orgWithRetiredGrants(deletes));
  const { provisionedState, queue, audit } = ports;
  for (let i = 1; i <= deletes; i++) {
    await provisionedState.recordApplied(
      accountId(i),
      groupAssignmentItem(RO, 'g-retired', ['retired']),
    );
  }
  const control = new InMemoryPauseSwitch();
  const reports: FailureReport[] = [];
  const deps = {
    ...ports.deps,
    failures: { report: async (failure: FailureReport) => void reports.push(failure) },
    pauseSwitch: control,
    runLog: control,
  };
  return { deps, queue, audit, control, reports };
}

/** What a run sent, audited as held and alerted, by operation type. */
async function outcome(env: Awaited<ReturnType<typeof setup>>) {
  const types = (ops: readonly { readonly type: string }[]) => {
    const counts: Record<string, number> = {};
    for (const { type } of ops) counts[type] = (counts[type] ?? 0) + 1;
    return counts;
  };
  return {
    enqueued: types(env.queue.peek().map((m) => m.operation)),
    heldAudited: env.audit.entries().filter((e) => e.outcome === 'held').length,
    alerts: env.reports.map((r) => r.kind),
  };
}

describe('the blast-radius cap of a reconcile run (settings.maxDestructiveOperations)', () => {
  it.each([
    { deletes: 25, limit: undefined, confirm: undefined, held: false },
    { deletes: 26, limit: undefined, confirm: undefined, held: true },
    { deletes: 26, limit: undefined, confirm: 25, held: true },
    { deletes: 26, limit: undefined, confirm: 26, held: false },
    { deletes: 26, limit: undefined, confirm: 40, held: false },
    { deletes: 3, limit: 2, confirm: undefined, held: true },
    { deletes: 3, limit: 3, confirm: undefined, held: false },
    { deletes: 1, limit: 0, confirm: undefined, held: true },
  ])(
    '$deletes deletes, limit $limit, confirmed $confirm: held=$held',
    async ({ deletes, limit, confirm, held }) => {
      const env = await setup(deletes);
      const result = await reconcile(
        { ...env.deps, rules: staticRulesSource(rules(limit)) },
        { runId: 'run-1', ...(confirm === undefined ? {} : { confirmDestructive: confirm }) },
      );
      const cap = limit ?? 25;
      expect({
        ...(await outcome(env)),
        held: result.held && {
          count: result.held.operations.length,
          limit: result.held.limit,
          confirmed: result.held.confirmed,
        },
        enqueuedCount: result.enqueued,
        lastRun: await env.control.lastRun(),
      }).toStrictEqual({
        enqueued: held
          ? { createAssignment: 1 }
          : { createAssignment: 1, deleteAssignment: deletes },
        heldAudited: held ? deletes : 0,
        alerts: held ? ['DestructiveOperationsHeld'] : [],
        held: held ? { count: deletes, limit: cap, confirmed: confirm ?? null } : null,
        enqueuedCount: held ? 1 : deletes + 1,
        lastRun: {
          runId: 'run-1',
          at: '1970-01-01T00:00:00.000Z',
          dryRun: false,
          driftCount: deletes + 1,
          enqueued: held ? 1 : deletes + 1,
          heldDestructive: held ? deletes : 0,
          paused: false,
        },
      });
    },
  );

  it('the alert says how many and how to confirm them', async () => {
    const env = await setup(26);
    const result = await reconcile(
      { ...env.deps, rules: staticRulesSource(rules()) },
      { runId: 'run-1', confirmDestructive: 20 },
    );
    const reason =
      '26 detaches and deletes exceed settings.maxDestructiveOperations (25) (the confirmation of 20 does not cover them): none were executed; confirm with orgctl reconcile --apply --allow-destructive 26 or an on-demand reconcile with confirmDestructive: 26';
    expect({
      described: result.held && describeHold(result.held),
      reports: env.reports,
      firstHeld: env.audit.entries().find((e) => e.outcome === 'held'),
    }).toStrictEqual({
      described: reason,
      reports: [{ kind: 'DestructiveOperationsHeld', eventId: 'run-1', accountId: null, reason }],
      firstHeld: expect.objectContaining({
        eventId: 'run-1',
        type: 'operation',
        accountId: accountId(1),
        ruleIds: [],
        detail: reason,
      }),
    });
  });

  it('a dry run reports the hold but neither audits it nor alerts', async () => {
    const env = await setup(26);
    const result = await reconcile(
      { ...env.deps, rules: staticRulesSource(rules()) },
      { runId: 'run-1', dryRun: true },
    );
    expect({ held: result.held?.operations.length, ...(await outcome(env)) }).toStrictEqual({
      held: 26,
      enqueued: {},
      heldAudited: 0,
      alerts: [],
    });
  });

  it('rules apply is capped too: removing a rule of 26 accounts stores the rules and holds the deletes', async () => {
    const env = await setup(26);
    const retired = {
      id: 'retired',
      permissionSet: 'ReadOnly',
      principal: { type: 'GROUP', name: 'Retired' },
      scope: { type: 'root' },
      exclude: { accounts: [], ous: [] },
    } as const;
    const rulesRepository = inMemoryRulesRepository({
      config: { ...rules(), assignmentRules: [retired] },
      version: 1,
      updatedAt: 't0',
    });
    const result = await applyRules(
      rules(),
      { ...env.deps, rulesRepository },
      { runId: 'apply-1', updatedAt: 't1' },
    );
    expect({
      version: result.version,
      held: result.held?.operations.length,
      ...(await outcome(env)),
    }).toStrictEqual({
      version: 2,
      held: 26,
      enqueued: { createAssignment: 1 },
      heldAudited: 26,
      alerts: ['DestructiveOperationsHeld'],
    });
  });
});

describe('a reconcile run while the pause switch is on', () => {
  it('plans and audits without enqueuing; the run after resume enqueues the same operations', async () => {
    const env = await setup(2);
    const deps = { ...env.deps, rules: staticRulesSource(rules()) };
    await env.control.set({ ...NOT_PAUSED, paused: true, changedAt: 't0', changedBy: 'alice' });
    const paused = await reconcile(deps, { runId: 'run-1' });
    const whilePaused = await outcome(env);
    const pausedAudit = env.audit.entries().filter((e) => e.outcome === 'paused').length;
    await env.control.set(NOT_PAUSED);
    const resumed = await reconcile(deps, { runId: 'run-2' });
    expect({
      paused: [paused.paused, paused.enqueued, whilePaused.enqueued, pausedAudit],
      resumed: [resumed.paused, resumed.enqueued, (await outcome(env)).enqueued],
      lastRun: (await env.control.lastRun())?.runId,
    }).toStrictEqual({
      paused: [true, 0, {}, 3],
      resumed: [false, 3, { createAssignment: 1, deleteAssignment: 2 }],
      lastRun: 'run-2',
    });
  });
});
