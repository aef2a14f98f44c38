/**
 * One Organizations budget for every caller: the processor, the worker and the reconciler (single
 * pass and sharded) read `ORGANIZATIONS_READS_PER_SECOND` / `ORGANIZATIONS_WRITES_PER_SECOND`
 * (unset: the published 5 and 2) and send every Organizations request only after taking a token
 * of the shared read or write budget from the one quota store.
 */
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { OrganizationsAdapter } from '@org/aws-adapters/organizations';
import type { OrganizationReadsAdapter } from '@org/aws-adapters/reconcile-runs';
import { HANDLER_ENV } from '@org/contracts';
import { createProcessorDependencies } from '../../src/org-events-processor/processor-dependencies';
import { createWorkerDependencies } from '../../src/operations-worker/worker-dependencies';
import { createReconcilerDependencies } from '../../src/reconciler/reconciler-dependencies';
import { createReconcileStepDependencies } from '../../src/reconciler/reconcile-step-dependencies';
import {
  readProcessorConfig,
  readReconcilerConfig,
  readWorkerConfig,
} from '../../src/shared/config/handler-config';
import { answeringClients, type InPlaceAnswers } from '../support/answering-clients';
import { COMPLETE_ENVIRONMENT } from '../support/fixtures';

/** The worker's required variables over the complete environment. */
const WORKER_READY = {
  ...COMPLETE_ENVIRONMENT,
  STATUS_WAIT_SECONDS: '20',
  OPERATIONS_MAX_RECEIVE_COUNT: '5',
};

/** One read and one write per second, so a budget's pace shows in whole seconds. */
const ONE_PER_SECOND = {
  ...WORKER_READY,
  [HANDLER_ENV.organizationsReadsPerSecond]: '1',
  [HANDLER_ENV.organizationsWritesPerSecond]: '1',
};

/** Every Organizations request answered in place: an unknown account, an attachment done. */
const ORGANIZATIONS_IN_PLACE: InPlaceAnswers = {
  name: 'answerOrganizationsInPlace',
  answers: (client) => client instanceof OrganizationsClient,
  output: (command) => {
    if (command === 'DescribeAccountCommand') {
      throw Object.assign(new Error('no such account'), { name: 'AccountNotFoundException' });
    }
    return {};
  },
};

/** The Organizations adapter behind a port (the dependencies name only what each use-case calls). */
const adapter = (port: object): OrganizationsAdapter => port as OrganizationsAdapter;

/** The sharded run's Organizations reads behind a shard's port. */
const reads = (port: object): OrganizationReadsAdapter => port as OrganizationReadsAdapter;

describe('Organizations rates', () => {
  it('are read by the processor, the worker and the reconciler alike: unset, the published 5 reads/s and 2 writes/s', () => {
    const configured = { ...WORKER_READY, ...ONE_PER_SECOND };
    expect({
      processor: readProcessorConfig(WORKER_READY).organizationsRates,
      worker: readWorkerConfig(WORKER_READY).organizationsRates,
      reconciler: readReconcilerConfig(WORKER_READY).organizationsRates,
      configuredProcessor: readProcessorConfig(configured).organizationsRates,
      configuredWorker: readWorkerConfig(configured).organizationsRates,
    }).toStrictEqual({
      processor: { readsPerSecond: 5, writesPerSecond: 2 },
      worker: { readsPerSecond: 5, writesPerSecond: 2 },
      reconciler: { readsPerSecond: 5, writesPerSecond: 2 },
      configuredProcessor: { readsPerSecond: 1, writesPerSecond: 1 },
      configuredWorker: { readsPerSecond: 1, writesPerSecond: 1 },
    });
  });
});

describe('the shared Organizations budget', () => {
  it('paces the reads of the processor, the worker and the reconciler together: one a second at 1 read/s', async () => {
    const { clock, sent, wiring } = answeringClients(ORGANIZATIONS_IN_PLACE);
    const processor = createProcessorDependencies(ONE_PER_SECOND, wiring('processor'));
    const worker = createWorkerDependencies(ONE_PER_SECOND, wiring('worker'));
    const reconciler = createReconcilerDependencies(ONE_PER_SECOND, wiring('reconciler'));
    await clock.run(() =>
      Promise.all([
        adapter(processor.process.organizations).readAccount('222222222222'),
        adapter(worker.execute.organizations).readAccount('333333333333'),
        adapter(reconciler.reconcile.organizations).readAccount('444444444444'),
        adapter(processor.process.organizations).readAccount('555555555555'),
      ]),
    );
    expect(sent.map(({ command, at }) => [command, at])).toStrictEqual([
      ['DescribeAccountCommand', 0],
      ['DescribeAccountCommand', 1000],
      ['DescribeAccountCommand', 2000],
      ['DescribeAccountCommand', 3000],
    ]);
    expect(new Set(sent.map(({ by }) => by))).toStrictEqual(
      new Set(['processor', 'worker', 'reconciler']),
    );
  });

  it("takes the worker's attachments from the write budget, apart from the reads, and shares it with a reconcile shard's client", async () => {
    const { clock, sent, wiring } = answeringClients(ORGANIZATIONS_IN_PLACE);
    const worker = createWorkerDependencies(ONE_PER_SECOND, wiring('worker'));
    const steps = createReconcileStepDependencies(ONE_PER_SECOND, wiring('shard'));
    const outcomes = await clock.run(() =>
      Promise.all([
        worker.execute.organizations.attachPolicy('p-11111111', '222222222222'),
        worker.execute.organizations.attachPolicy('p-11111111', '333333333333'),
        reads(steps.shard.organizations).listAccounts('ou-abcd-11111111'),
        adapter(worker.execute.organizations).readAccount('555555555555'),
      ]),
    );
    expect({
      outcomes: outcomes.slice(0, 2),
      sent: sent.map(({ by, command, at }) => [by, command, at]),
    }).toStrictEqual({
      outcomes: ['changed', 'changed'],
      sent: [
        ['worker', 'AttachPolicyCommand', 0],
        ['shard', 'ListAccountsForParentCommand', 0],
        ['worker', 'AttachPolicyCommand', 1000],
        ['worker', 'DescribeAccountCommand', 1000],
      ],
    });
  });
});
