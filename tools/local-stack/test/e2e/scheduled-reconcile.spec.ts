/**
 * The scheduled reconcile as `npm start` runs it, through moto: the reconciler handler runs the
 * whole organization through the sharded use-cases in process (prepare, each shard, finish —
 * `runShardedReconcile`), plans what the engine plans for the organization read back from moto,
 * and after the worker drains the queue a dry run finds no drift.
 */
import { planReconcile } from '@org/scope-engine';
import type { LocalDeployment } from '../../src/deployment/local-deployment';
import { readEffectiveState } from '../../src/report/effective-state';
import { localLambdaContext } from '../../src/runtime/lambda-context';
import { deployExample, drain } from './e2e-support';

jest.setTimeout(180_000);

describe('scheduled reconcile through moto', () => {
  let deployment: LocalDeployment;

  beforeAll(async () => {
    deployment = await deployExample();
  });

  afterAll(async () => {
    await deployment.close();
  });

  it('plans the engine’s drift of the organization in moto, repairs it, and then finds none', async () => {
    const expected = planReconcile(await readEffectiveState(deployment), deployment.config);
    const preview = await deployment.handlers.reconciler(
      { dryRun: true },
      localLambdaContext('reconciler', 900_000),
    );
    const repair = await deployment.handlers.reconciler(
      { 'detail-type': 'Scheduled Event' },
      localLambdaContext('reconciler', 900_000),
    );
    await drain(deployment);
    const check = await deployment.handlers.reconciler(
      { dryRun: true },
      localLambdaContext('reconciler', 900_000),
    );
    const after = planReconcile(await readEffectiveState(deployment), deployment.config);
    expect({
      planned: expected.operations.length > 0,
      preview: [preview.driftCount, preview.enqueued, preview.skipped],
      repair: [repair.driftCount, repair.enqueued, repair.heldDestructive],
      check: check.driftCount,
      after: after.operations,
    }).toStrictEqual({
      planned: true,
      preview: [expected.operations.length, 0, expected.skipped.length],
      repair: [expected.operations.length, expected.operations.length, 0],
      check: 0,
      after: [],
    });
  });
});
