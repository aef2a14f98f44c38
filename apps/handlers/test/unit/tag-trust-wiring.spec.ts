/**
 * Tag trust in the handlers: the processor, the worker and the reconciler get the tag ledger
 * from `TAG_LEDGER_TABLE` (nothing without it), the processor alerts through its failure topic,
 * and every `UntrustedTag` skip counts in the `UntrustedTagSkipped` metric.
 */
import { DynamoDbTagLedgerStore } from '@org/aws-adapters/dynamodb';
import { HANDLER_ENV, METRIC_NAMES } from '@org/contracts';
import type { Plan } from '@org/scope-engine';
import { createProcessorDependencies } from '../../src/org-events-processor/processor-dependencies';
import { createReconcilerDependencies } from '../../src/reconciler/reconciler-dependencies';
import { createReconcileStepDependencies } from '../../src/reconciler/reconcile-step-dependencies';
import { createWorkerDependencies } from '../../src/operations-worker/worker-dependencies';
import {
  readProcessorConfig,
  readReconcilerConfig,
  readWorkerConfig,
} from '../../src/shared/config/handler-config';
import { MemoryMetricsRecorder } from '../../src/shared/observability/metrics-recorder';
import { emitPlanMetrics } from '../../src/shared/observability/plan-metrics';
import { COMPLETE_ENVIRONMENT, testObservability } from '../support/fixtures';

const WITH_LEDGER = {
  ...COMPLETE_ENVIRONMENT,
  STATUS_WAIT_SECONDS: '45',
  OPERATIONS_MAX_RECEIVE_COUNT: '5',
  [HANDLER_ENV.tagLedgerTable]: 'tag-ledger',
};

describe('tag ledger wiring', () => {
  it('reads TAG_LEDGER_TABLE for the processor, the worker and the reconciler only when set', () => {
    expect({
      processor: readProcessorConfig(WITH_LEDGER).tagLedgerTable,
      worker: readWorkerConfig(WITH_LEDGER).tagLedgerTable,
      reconciler: readReconcilerConfig(WITH_LEDGER).tagLedgerTable,
      unset: 'tagLedgerTable' in readProcessorConfig(COMPLETE_ENVIRONMENT),
    }).toStrictEqual({
      processor: 'tag-ledger',
      worker: 'tag-ledger',
      reconciler: 'tag-ledger',
      unset: false,
    });
  });

  it('gives every planner the DynamoDB ledger, and the processor its failure topic for alerts', () => {
    const observability = testObservability();
    const processor = createProcessorDependencies(WITH_LEDGER, { observability });
    const worker = createWorkerDependencies(WITH_LEDGER, { observability });
    const reconciler = createReconcilerDependencies(WITH_LEDGER, { observability });
    const steps = createReconcileStepDependencies(WITH_LEDGER, { observability });
    expect({
      processor: processor.process.tagLedger instanceof DynamoDbTagLedgerStore,
      alerts: 'failures' in processor.process && processor.process.failures === processor.failures,
      worker: worker.execute.tagLedger instanceof DynamoDbTagLedgerStore,
      reconciler: reconciler.reconcile.tagLedger instanceof DynamoDbTagLedgerStore,
      shard: steps.shard.tagLedger instanceof DynamoDbTagLedgerStore,
      shardAlerts: steps.shard.failures === steps.failures,
      without: createProcessorDependencies(COMPLETE_ENVIRONMENT, { observability }).process
        .tagLedger,
    }).toStrictEqual({
      processor: true,
      alerts: true,
      worker: true,
      reconciler: true,
      shard: true,
      shardAlerts: true,
      without: undefined,
    });
  });
});

describe('emitPlanMetrics', () => {
  it('counts UntrustedTag skips in UntrustedTagSkipped, besides OperationsSkipped by reason', () => {
    const metrics = new MemoryMetricsRecorder();
    const skip = (reason: Plan['skipped'][number]['reason']) => ({
      accountId: '222222222222',
      ruleId: 'prod-admins',
      reason,
      detail: 'x',
    });
    const plan = {
      event: null,
      ignored: null,
      operations: [],
      skipped: [skip('UntrustedTag'), skip('UntrustedTag'), skip('PrincipalNotFound')],
    } as unknown as Plan;
    emitPlanMetrics(metrics, plan, [], null);
    expect(
      metrics.records().filter((record) => record.name === METRIC_NAMES.untrustedTagSkipped),
    ).toStrictEqual([{ name: 'UntrustedTagSkipped', unit: 'Count', value: 2, dimensions: {} }]);
  });
});
