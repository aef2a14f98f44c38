import { createReconcilerHandler } from '../../src/reconciler/reconciler-handler';
import {
  InvalidReconcileRequestError,
  parseReconcileRequest,
} from '../../src/reconciler/reconcile-request';
import { collectingFailures, lambdaContext, testObservability } from '../support/fixtures';
import { inMemoryDeployment } from '../support/in-memory-deployment';

function setup(dryRunByDefault: boolean) {
  const env = inMemoryDeployment();
  const failures = collectingFailures();
  const observability = testObservability();
  const handler = createReconcilerHandler({
    reconcile: {
      organizations: env.org,
      identityCenter: env.org,
      directory: env.org,
      directoryViews: env.directoryViews,
      provisionedState: env.provisionedState,
      rules: env.rules,
      queue: env.queue,
      audit: env.audit,
      clock: env.clock,
    },
    failures,
    observability,
    dryRunByDefault,
  });
  return { env, failures, metrics: observability.metrics, handler };
}

describe('reconciler handler', () => {
  it.each([
    {
      name: 'a scheduled run',
      event: { 'detail-type': 'Scheduled Event', source: 'aws.events' },
      dryRunByDefault: false,
      dryRun: false,
    },
    { name: 'an on-demand dry run', event: { dryRun: true }, dryRunByDefault: false, dryRun: true },
    {
      name: 'a scheduled run of a dry-run deployment',
      event: { 'detail-type': 'Scheduled Event' },
      dryRunByDefault: true,
      dryRun: true,
    },
  ])(
    '$name enqueues the drift unless dry, and publishes DriftOperations',
    async ({ event, dryRunByDefault, dryRun }) => {
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
        runId: 'reconcile-req-9',
        dryRun,
        drift: true,
        enqueued: true,
        queued: true,
        metric: summary.driftCount,
      });
    },
  );

  it('reports a failed run and rethrows', async () => {
    const { env, failures, handler } = setup(false);
    env.org.readSnapshotStructure = () =>
      Promise.reject(
        Object.assign(new Error('denied'), { code: 'AccessDenied', retryable: false }),
      );
    await expect(handler({}, lambdaContext(900_000, 'req-1'))).rejects.toThrow('denied');
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

describe('parseReconcileRequest', () => {
  it.each([
    { event: null, expected: {} },
    { event: { 'detail-type': 'Scheduled Event', dryRun: 'ignored' }, expected: {} },
    {
      event: { dryRun: false, accountIds: ['222233334444'] },
      expected: { dryRun: false, accountIds: ['222233334444'] },
    },
  ])('reads $event', ({ event, expected }) => {
    expect(parseReconcileRequest(event)).toStrictEqual(expected);
  });

  it.each([
    { event: { dryRun: 'yes' }, problem: '$.dryRun: expected true or false' },
    {
      event: { accountIds: ['12'] },
      problem: '$.accountIds: expected an array of 12-digit account ids',
    },
  ])('rejects $event', ({ event, problem }) => {
    expect(() => parseReconcileRequest(event)).toThrow(new InvalidReconcileRequestError(problem));
  });
});
