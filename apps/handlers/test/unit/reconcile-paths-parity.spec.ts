/**
 * One reconcile, three drivers: the deployed state machine's steps (`createReconcileStepHandler`:
 * prepare, each shard, finish), the in-process driver of the local stack and chaos (the reconciler
 * handler's whole-organization run: `runShardedReconcile`, as `orgctl reconcile` runs it) and the
 * single-pass reference (`reconcile`) enqueue, hold and forget the same on the same organization.
 */
import { reconcile } from '@org/governance-runtime';
import { InMemoryRunStore } from '@org/governance-runtime/testing';
import { staticRulesSource } from '@org/governance-runtime';
import { createReconcileStepHandler } from '../../src/reconciler/reconcile-step-handler';
import { createReconcilerHandler } from '../../src/reconciler/reconciler-handler';
import { lambdaContext, testObservability } from '../support/fixtures';
import {
  inMemoryDeployment,
  reconcilerPorts,
  recordExampleProvisionedState,
} from '../support/in-memory-deployment';

/** What a run left behind, comparable across drivers. */
interface Outcome {
  readonly queued: readonly string[];
  readonly driftCount: number;
  readonly enqueued: number;
  readonly heldDestructive: number;
  /** Accounts that left the organization (a count: the deployed finish step returns one). */
  readonly departed: number;
  /** Accounts whose provisioned state is left afterwards. */
  readonly provisioned: readonly string[];
  readonly alerts: readonly string[];
}

/** The example deployment with its managed items recorded, one account departed, a cap. */
async function deployment(maxDestructiveOperations: number) {
  const env = inMemoryDeployment();
  await recordExampleProvisionedState(env);
  await env.provisionedState.recordApplied('999999999999', {
    kind: 'attachment',
    policyId: 'p-departed',
    ruleIds: ['gone'],
    tagKeys: [],
  });
  const rules = staticRulesSource({
    ...env.config,
    settings: { ...env.config.settings, maxDestructiveOperations },
  });
  const { ports, failures, reads, handlerPorts } = reconcilerPorts(env, rules);
  const outcome = async (
    run: { driftCount: number; enqueued: number; heldDestructive: number },
    departed: number,
  ): Promise<Outcome> => ({
    queued: env.queue
      .peek()
      .map((message) => JSON.stringify(message.operation))
      .sort(),
    driftCount: run.driftCount,
    enqueued: run.enqueued,
    heldDestructive: run.heldDestructive,
    departed,
    provisioned: (await env.provisionedState.listAll()).map((state) => state.accountId).sort(),
    alerts: failures.reports.map((report) => report.kind),
  });
  return { env, ports, failures, reads, handlerPorts, outcome };
}

/** The single-pass reference. */
async function singlePass(limit: number): Promise<Outcome> {
  const { handlerPorts, outcome } = await deployment(limit);
  const result = await reconcile(handlerPorts.reconcile, { runId: 'single' });
  const heldDestructive = result.held?.operations.length ?? 0;
  return outcome({ ...result, heldDestructive }, result.departedAccountIds.length);
}

/** The reconciler handler's whole-organization run in process (local stack, chaos). */
async function inProcess(limit: number): Promise<Outcome> {
  const { handlerPorts, failures, outcome } = await deployment(limit);
  const handler = createReconcilerHandler({
    ...handlerPorts,
    failures,
    observability: testObservability(),
    dryRunByDefault: false,
  });
  const summary = await handler({ 'detail-type': 'Scheduled Event' }, lambdaContext(900_000));
  return outcome(summary, summary.departedAccountIds.length);
}

/** The deployed state machine's steps, one invocation each. */
async function deployedSteps(limit: number): Promise<Outcome> {
  const { ports, failures, reads, outcome } = await deployment(limit);
  const common = { ...ports, runs: new InMemoryRunStore() };
  const step = createReconcileStepHandler({
    prepare: { ...common, organizations: reads, identityCenter: reads },
    shard: { ...common, organizations: reads },
    finish: common,
    failures,
    observability: testObservability(),
    dryRunByDefault: false,
  });
  const context = lambdaContext(600_000);
  const request = { 'detail-type': 'Scheduled Event' };
  const prepared = await step({ step: 'prepare', runId: 'exec-1', request }, context);
  for (const shard of 'shards' in prepared ? prepared.shards : []) {
    await step({ step: 'shard', runId: 'exec-1', shard, dryRun: false }, context);
  }
  const finished = await step({ step: 'finish', runId: 'exec-1', request }, context);
  if (!('driftCount' in finished)) throw new Error('the run did not finish');
  return outcome(finished, finished.departedAccounts);
}

describe('reconcile drivers', () => {
  it.each([
    { name: 'within the cap', limit: 1000, held: false },
    { name: 'over the cap (detaches and deletes held)', limit: 0, held: true },
  ])('enqueue, hold and forget the same: $name', async ({ limit, held }) => {
    const reference = await singlePass(limit);
    expect({
      drift: reference.driftCount > 0,
      held: reference.heldDestructive > 0,
      departed: reference.departed,
      forgotten: reference.provisioned.includes('999999999999'),
      steps: await deployedSteps(limit),
      inProcess: await inProcess(limit),
    }).toStrictEqual({
      drift: true,
      held,
      departed: 1,
      forgotten: false,
      steps: reference,
      inProcess: reference,
    });
  });
});
