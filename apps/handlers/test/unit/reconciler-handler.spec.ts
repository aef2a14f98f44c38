import { isDestructive, NOT_PAUSED, staticRulesSource } from '@org/governance-runtime';
import type { GovernanceConfig } from '@org/scope-engine';
import { createReconcilerHandler } from '../../src/reconciler/reconciler-handler';
import { RECONCILE_PERMANENT_ERRORS } from '@org/contracts';
import {
  InvalidReconcileRequestError,
  parseReconcileRequest,
  WholeOrganizationDirectError,
} from '../../src/reconciler/reconcile-request';
import { lambdaContext, testObservability } from '../support/fixtures';
import {
  inMemoryDeployment,
  reconcilerPorts,
  recordExampleProvisionedState,
} from '../support/in-memory-deployment';

function setup(
  dryRunByDefault: boolean,
  maxDestructiveOperations?: number,
  rulesOverride: Partial<GovernanceConfig> = {},
) {
  const env = inMemoryDeployment();
  const observability = testObservability();
  const rules =
    maxDestructiveOperations === undefined
      ? env.rules
      : staticRulesSource({
          ...env.config,
          ...rulesOverride,
          settings: { ...env.config.settings, maxDestructiveOperations },
        });
  const { failures, control, handlerPorts } = reconcilerPorts(env, rules);
  const deps = { ...handlerPorts, failures, observability, dryRunByDefault };
  const handler = createReconcilerHandler(deps);
  const accountIds = env.org.snapshot().accounts.map((account) => account.id);
  // The deployed function's handler (index.ts): a direct whole-organization request is refused.
  const lambdaHandler = createReconcilerHandler(deps, { refuseWholeOrganization: true });
  return {
    env,
    failures,
    metrics: observability.metrics,
    handler,
    lambdaHandler,
    control,
    accountIds,
  };
}

/** Organizations refuses every read of the deployment's organization (AccessDenied, permanent). */
function denyOrganizationReads(env: ReturnType<typeof inMemoryDeployment>): void {
  const denied = () =>
    Promise.reject(Object.assign(new Error('denied'), { code: 'AccessDenied', retryable: false }));
  env.org.readSnapshotStructure = denied;
  env.org.readAccountStructure = denied;
}

/** Every account of the example organization (a direct run names its accounts). */
const EVERY_ACCOUNT = inMemoryDeployment()
  .org.snapshot()
  .accounts.map((account) => account.id);

describe('reconciler handler', () => {
  it.each([
    {
      name: 'an on-demand run of every account',
      event: { accountIds: EVERY_ACCOUNT },
      dryRunByDefault: false,
      dryRun: false,
      runId: 'reconcile-req-9',
    },
    {
      name: 'an on-demand dry run',
      event: { dryRun: true, accountIds: EVERY_ACCOUNT },
      dryRunByDefault: false,
      dryRun: true,
      runId: 'reconcile-req-9',
    },
    {
      name: 'a scheduled run in process (local stack, chaos: no state machine)',
      event: { 'detail-type': 'Scheduled Event', source: 'aws.events' },
      dryRunByDefault: false,
      dryRun: false,
      runId: 'reconcile-req-9',
    },
    {
      name: "the state machine's run of some accounts in a dry-run deployment",
      event: { step: 'accounts', runId: 'exec-9', request: { accountIds: EVERY_ACCOUNT } },
      dryRunByDefault: true,
      dryRun: true,
      runId: 'exec-9',
    },
  ])(
    '$name enqueues the drift unless dry, and publishes DriftOperations',
    async ({ event, dryRunByDefault, dryRun, runId }) => {
      const { env, metrics, handler } = setup(dryRunByDefault);
      const summary = await handler(event, lambdaContext(900_000, 'req-9'));
      expect({
        runId: summary.runId,
        dryRun: summary.dryRun,
        drift: summary.driftCount > 0,
        enqueued: summary.enqueued === (dryRun ? 0 : summary.driftCount),
        queued: env.queue.peek().length === summary.enqueued,
        metric: metrics.total('DriftOperations'),
      }).toStrictEqual({
        runId,
        dryRun,
        drift: true,
        enqueued: true,
        queued: true,
        metric: summary.driftCount,
      });
    },
  );

  it.each([
    {
      name: 'a scheduled event',
      event: { 'detail-type': 'Scheduled Event', source: 'aws.events' },
    },
    { name: 'an on-demand dry run of everything', event: { dryRun: true } },
  ])(
    'the deployed function refuses $name invoked directly for the whole organization, naming the state machine, and reports it',
    async ({ event }) => {
      const { env, failures, lambdaHandler } = setup(false);
      const refusal = lambdaHandler(event, lambdaContext(900_000, 'req-4'));
      await expect(refusal).rejects.toThrow(WholeOrganizationDirectError);
      await expect(refusal).rejects.toMatchObject({
        name: RECONCILE_PERMANENT_ERRORS.wholeOrganizationDirect,
        message: expect.stringContaining('start the reconcile state machine'),
      });
      expect({
        queued: env.queue.peek().length,
        reports: failures.reports.map((report) => [report.kind, report.eventId]),
      }).toStrictEqual({ queued: 0, reports: [['ProcessingFailed', 'reconcile-req-4']] });
    },
  );

  it("rethrows a failure of the state machine's run without reporting it (the state machine reports the run once)", async () => {
    const { env, failures, handler, accountIds } = setup(false);
    denyOrganizationReads(env);
    await expect(
      handler({ step: 'accounts', runId: 'exec-3', request: { accountIds } }, lambdaContext()),
    ).rejects.toThrow('denied');
    expect(failures.reports).toStrictEqual([]);
  });

  it('names an invalid request with its stable error name (the state machine does not retry it)', async () => {
    const { handler } = setup(false);
    await expect(
      handler({ step: 'accounts', runId: 'exec-4', request: { dryRun: 'yes' } }, lambdaContext()),
    ).rejects.toMatchObject({
      name: 'ReconcileRequestInvalid',
      message: 'Invalid reconcile request: $.dryRun: expected true or false',
    });
    expect(new InvalidReconcileRequestError('$.x').name).toBe(
      RECONCILE_PERMANENT_ERRORS.invalidRequest,
    );
  });

  it('reports a failed direct run and rethrows', async () => {
    const { env, failures, handler, accountIds } = setup(false);
    denyOrganizationReads(env);
    await expect(handler({ accountIds }, lambdaContext(900_000, 'req-1'))).rejects.toThrow(
      'denied',
    );
    expect(failures.reports).toStrictEqual([
      {
        kind: 'ProcessingFailed',
        eventId: 'reconcile-req-1',
        accountId: null,
        reason: 'AccessDenied: denied',
      },
    ]);
  });
});

describe('reconciler brakes', () => {
  it('holds every detach and delete over the limit until confirmDestructive covers them', async () => {
    // No rule but notifications, a limit of 1: each managed item of the example is to be removed.
    const run = async (event: Record<string, unknown>) => {
      const deps = setup(false, 1, { scpRules: [], assignmentRules: [] });
      await recordExampleProvisionedState(deps.env);
      const summary = await deps.handler(
        { ...event, accountIds: deps.accountIds },
        lambdaContext(900_000, 'req-2'),
      );
      return {
        held: summary.heldDestructive,
        enqueuedRemovals: deps.env.queue.peek().filter((m) => isDestructive(m.operation)).length,
        alerts: deps.failures.reports.map((r) => r.kind),
        metric: deps.metrics.total('DestructiveOperationsHeld'),
        recorded: (await deps.control.lastRun())?.heldDestructive,
      };
    };
    const n = (await run({ dryRun: true })).held;
    const heldRun = {
      held: n,
      enqueuedRemovals: 0,
      alerts: ['DestructiveOperationsHeld'],
      metric: n,
      recorded: n,
    };
    expect({
      removals: n > 1,
      unconfirmed: await run({}),
      tooSmall: await run({ confirmDestructive: n - 1 }),
      confirmed: await run({ confirmDestructive: n }),
    }).toStrictEqual({
      removals: true,
      unconfirmed: heldRun,
      tooSmall: heldRun,
      confirmed: { held: 0, enqueuedRemovals: n, alerts: [], metric: 0, recorded: 0 },
    });
  });

  it('while paused: plans, enqueues nothing, counts OperationsPaused', async () => {
    const { env, metrics, handler, control, accountIds } = setup(false);
    await control.set({ ...NOT_PAUSED, paused: true });
    const summary = await handler({ accountIds }, lambdaContext(900_000, 'req-3'));
    expect({
      paused: summary.paused,
      enqueued: summary.enqueued,
      queued: env.queue.peek().length,
      pausedMetric: metrics.total('OperationsPaused'),
      enqueuedMetric: metrics.total('OperationsEnqueued'),
    }).toStrictEqual({
      paused: true,
      enqueued: 0,
      queued: 0,
      pausedMetric: summary.driftCount,
      enqueuedMetric: 0,
    });
  });
});

describe('parseReconcileRequest', () => {
  it.each([
    { event: null, expected: {} },
    { event: { 'detail-type': 'Scheduled Event', dryRun: 'ignored' }, expected: {} },
    {
      event: { dryRun: false, accountIds: ['222233334444'] },
      expected: { dryRun: false, accountIds: ['222233334444'] },
    },
    { event: { confirmDestructive: 26 }, expected: { confirmDestructive: 26 } },
  ])('reads $event', ({ event, expected }) => {
    expect(parseReconcileRequest(event)).toStrictEqual(expected);
  });

  it.each([
    { event: { dryRun: 'yes' }, problem: '$.dryRun: expected true or false' },
    {
      event: { accountIds: ['12'] },
      problem: '$.accountIds: expected an array of 12-digit account ids',
    },
    ...[-1, 2.5, '26'].map((confirmDestructive) => ({
      event: { confirmDestructive },
      problem: '$.confirmDestructive: expected a whole number of detaches and deletes (0 or more)',
    })),
  ])('rejects $event', ({ event, problem }) => {
    expect(() => parseReconcileRequest(event)).toThrow(new InvalidReconcileRequestError(problem));
  });
});
