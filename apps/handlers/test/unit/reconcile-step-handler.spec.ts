import { reconcile } from '@org/governance-runtime';
import { RECONCILE_PERMANENT_ERRORS } from '@org/contracts';
import {
  InMemoryAuditLog,
  InMemoryOperationQueue,
  InMemoryRunStore,
  SnapshotOrganizationReads,
} from '@org/governance-runtime/testing';
import { createReconcileStepHandler } from '../../src/reconciler/reconcile-step-handler';
import { isReconcileStep, parseReconcileStep } from '../../src/reconciler/reconcile-step';
import { InvalidReconcileRequestError } from '../../src/reconciler/reconcile-request';
import { collectingFailures, lambdaContext, testObservability } from '../support/fixtures';
import { inMemoryDeployment } from '../support/in-memory-deployment';

function setup() {
  const env = inMemoryDeployment();
  const reads = new SnapshotOrganizationReads(env.org.snapshot());
  const runs = new InMemoryRunStore();
  const failures = collectingFailures();
  const observability = testObservability();
  const common = {
    provisionedState: env.provisionedState,
    rules: env.rules,
    queue: env.queue,
    audit: env.audit,
    runs,
    clock: env.clock,
  };
  const handler = createReconcileStepHandler({
    prepare: {
      ...common,
      organizations: reads,
      identityCenter: Object.assign(reads, {
        listPermissionSets: () => env.org.listPermissionSets(),
      }),
      directory: env.org,
    },
    shard: { ...common, organizations: reads },
    finish: { ...common, directoryViews: env.directoryViews },
    failures,
    observability,
    dryRunByDefault: false,
  });
  return { env, handler, metrics: observability.metrics, failures };
}

describe('reconcile step handler', () => {
  it('runs prepare, every shard and finish: the organization’s drift enqueued, small results', async () => {
    const { env, handler, metrics } = setup();
    // What one whole-organization reconcile (a dry run on the same state) finds.
    const { driftCount: expected } = await reconcile(
      {
        organizations: env.org,
        identityCenter: env.org,
        directory: env.org,
        provisionedState: env.provisionedState,
        rules: env.rules,
        queue: new InMemoryOperationQueue(),
        audit: new InMemoryAuditLog(),
        clock: env.clock,
      },
      { runId: 'whole', dryRun: true },
    );
    const context = lambdaContext(600_000);
    const request = { 'detail-type': 'Scheduled Event' };
    const prepared = await handler({ step: 'prepare', runId: 'exec-1', request }, context);
    const shards = 'shards' in prepared ? prepared.shards : [];
    const shardResults = [];
    for (const shard of shards) {
      shardResults.push(
        await handler({ step: 'shard', runId: 'exec-1', shard, dryRun: false }, context),
      );
    }
    const finished = await handler({ step: 'finish', runId: 'exec-1', request }, context);
    expect({
      prepared,
      shardResults,
      finished,
      enqueued: env.queue.peek().length,
      drift: metrics.total('DriftOperations'),
    }).toStrictEqual({
      prepared: { runId: 'exec-1', dryRun: false, done: true, shards: [0] },
      shardResults: [{ runId: 'exec-1', dryRun: false, shard: 0, done: true }],
      finished: {
        runId: 'exec-1',
        dryRun: false,
        done: true,
        driftCount: expected,
        enqueued: expected,
        heldDestructive: 0,
        departedAccounts: 0,
      },
      enqueued: expected,
      drift: expected,
    });
  });

  it('rethrows a failed step without reporting it: the state machine retries it and reports the run once', async () => {
    const { handler, failures } = setup();
    await expect(
      handler({ step: 'shard', runId: 'exec-2', shard: 0, dryRun: false }, lambdaContext()),
    ).rejects.toThrow('reconcile run exec-2 has no shard/0: prepare the run first');
    expect(failures.reports).toStrictEqual([]);
  });

  it.each([
    {
      name: "a function's error (the Cause is its JSON)",
      error: 'ReconcileRequestInvalid',
      cause: JSON.stringify({
        errorType: 'ReconcileRequestInvalid',
        errorMessage: 'Invalid reconcile request: $.dryRun: expected true or false',
      }),
      reason:
        'ReconcileRequestInvalid: Invalid reconcile request: $.dryRun: expected true or false',
    },
    {
      name: "a Distributed Map's failure (a plain Cause)",
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
      reason:
        'States.ExceedToleratedFailureThreshold: The specified tolerated failure threshold was exceeded',
    },
  ])('reportFailure reports $name once, with the run id', async ({ error, cause, reason }) => {
    const { handler, failures } = setup();
    const result = await handler(
      { step: 'reportFailure', runId: 'exec-5', error, cause },
      lambdaContext(),
    );
    expect({ result, reports: failures.reports }).toStrictEqual({
      result: { runId: 'exec-5', reported: true },
      reports: [{ kind: 'ProcessingFailed', eventId: 'exec-5', accountId: null, reason }],
    });
  });

  it('names an invalid step with its stable error name (bundles are minified)', () => {
    expect(() => parseReconcileStep({ step: 'shard', runId: 'r', shard: -1 })).toThrow(
      expect.objectContaining({ name: RECONCILE_PERMANENT_ERRORS.invalidRequest }),
    );
  });

  it.each([
    [{ step: 'shard', runId: 'r', shard: -1, dryRun: false }, '$.shard: expected a shard number'],
    [{ step: 'shard', runId: 'r', shard: 0 }, '$.dryRun: expected true or false'],
    [{ step: 'sweep', runId: 'r' }, '$.step: expected prepare, shard, finish or reportFailure'],
    [{ step: 'prepare', runId: '' }, '$.runId: expected a run id'],
    [
      { step: 'finish', runId: 'r', request: { dryRun: 'yes' } },
      '$.dryRun: expected true or false',
    ],
  ])('rejects %j', (event, problem) => {
    expect(() => parseReconcileStep(event)).toThrow(new InvalidReconcileRequestError(problem));
  });

  it.each([
    [{ step: 'prepare', runId: 'r' }, true],
    [{ step: 'reportFailure', runId: 'r' }, true],
    [{ step: 'accounts', runId: 'r', request: {} }, false],
    [{ dryRun: true }, false],
    [null, false],
  ])('%j is a step: %s', (event, step) => {
    expect(isReconcileStep(event)).toBe(step);
  });
});
