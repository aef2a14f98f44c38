import type { Operation } from '@org/scope-engine';
import type { OperationMessage } from '@org/governance-runtime';
import { encodeOperationMessage } from '@org/aws-adapters/sqs';
import type { SQSRecord } from 'aws-lambda';
import { createOperationsWorkerHandler } from '../../src/operations-worker/operations-worker-handler';
import {
  collectingFailures,
  lambdaContext,
  operationsQueueRecord,
  testObservability,
} from '../support/fixtures';
import { inMemoryDeployment } from '../support/in-memory-deployment';

const THROTTLED = Object.assign(new Error('Rate exceeded'), { code: 'Throttled', retryable: true });

const attach = (
  accountId: string,
  policyId: string,
  ruleIds: readonly string[] = ['baseline-guardrails'],
): Operation => ({
  type: 'attachPolicy',
  policyType: 'SERVICE_CONTROL_POLICY',
  accountId,
  policyId,
  ruleIds,
});

function record(id: string, body: string, groupId: string, receiveCount = 1): SQSRecord {
  return operationsQueueRecord(id, { body, groupId, receiveCount });
}

const message = (operation: Operation): string =>
  encodeOperationMessage({ eventId: 'evt-1', operation } satisfies OperationMessage);

function setup(maxReceiveCount = 5) {
  const env = inMemoryDeployment();
  const failures = collectingFailures();
  const observability = testObservability();
  const handler = createOperationsWorkerHandler({
    execute: {
      organizations: env.org,
      identityCenter: env.org,
      provisionedState: env.provisionedState,
      audit: env.audit,
      queue: env.queue,
      failures,
      quota: env.quota,
      rules: env.rules,
      clock: env.clock,
      polling: env.polling,
      directoryView: env.directoryView,
    },
    failures,
    observability,
    settings: { maxReceiveCount, deadlineSafetyMs: 15_000 },
  });
  return { env, failures, metrics: observability.metrics, handler };
}

describe('operations worker handler', () => {
  it('fails a throttled record back with the rest of its group, and completes the other groups', async () => {
    const { env, failures, metrics, handler } = setup();
    const attachPolicy = env.org.attachPolicy.bind(env.org);
    env.org.attachPolicy = (policyId, targetId) =>
      policyId === 'p-bbbb2222' && targetId === '222233334444'
        ? Promise.reject(THROTTLED)
        : attachPolicy(policyId, targetId);
    const records = [
      record('1', message(attach('222233334444', 'p-aaaa1111')), '222233334444'),
      record(
        '2',
        message(attach('222233334444', 'p-bbbb2222', ['payments-extra'])),
        '222233334444',
      ),
      record('3', message(attach('222233334444', 'p-cccc3333')), '222233334444'),
      record('4', message(attach('999988887777', 'p-aaaa1111')), '999988887777'),
    ];
    const response = await env.clock.run(() => handler({ Records: records }, lambdaContext()));
    const attached = env.org
      .snapshot()
      .attachments.filter(
        (a) => a.policyId === 'p-aaaa1111' && ['222233334444', '999988887777'].includes(a.targetId),
      );
    expect({
      response,
      attached,
      failures: failures.reports,
      applied: metrics.total('OperationsApplied', ['operationType', 'attachPolicy']),
      retried: metrics.total('OperationsRetried'),
    }).toStrictEqual({
      response: { batchItemFailures: [{ itemIdentifier: '2' }, { itemIdentifier: '3' }] },
      attached: [
        { targetId: '222233334444', policyId: 'p-aaaa1111' },
        { targetId: '999988887777', policyId: 'p-aaaa1111' },
      ],
      failures: [],
      applied: 2,
      retried: 1,
    });
  });

  it('applies a duplicate delivery once (the second is stale: already in place)', async () => {
    const { env, handler } = setup();
    const body = message(attach('222233334444', 'p-aaaa1111'));
    await env.clock.run(() =>
      handler({ Records: [record('1', body, '222233334444')] }, lambdaContext()),
    );
    await env.clock.run(() =>
      handler({ Records: [record('2', body, '222233334444')] }, lambdaContext()),
    );
    expect({
      attachments: env.org.snapshot().attachments.filter((a) => a.targetId === '222233334444'),
      audit: env.audit.entries().map((e) => e.outcome),
      provisioned: (await env.provisionedState.getAccount('222233334444')).items,
    }).toStrictEqual({
      attachments: [
        { targetId: '222233334444', policyId: 'p-FullAWSAccess' },
        { targetId: '222233334444', policyId: 'p-aaaa1111' },
      ],
      audit: ['applied', 'stale'],
      provisioned: [
        {
          kind: 'attachment',
          policyId: 'p-aaaa1111',
          policyType: 'SERVICE_CONTROL_POLICY',
          // The rule ids that justify it now (the plan's), not only those the message cited.
          ruleIds: ['baseline-guardrails', 'payments-extra'],
          tagKeys: [],
        },
      ],
    });
  });

  it.each([
    {
      name: 'a malformed message',
      body: '{"eventId":"e","operation":{"type":"explode"}}',
      receiveCount: 1,
      // Permanent: reported once and completed, so it does not block its group.
      failedBack: [],
    },
    {
      name: 'a throttled record on its last receive',
      body: message(attach('222233334444', 'p-bbbb2222', ['payments-extra'])),
      receiveCount: 5,
      // Retryable on the last receive: fails back, so it reaches the DLQ.
      failedBack: [{ itemIdentifier: '1' }],
    },
  ])('reports $name to the failure topic once', async ({ body, receiveCount, failedBack }) => {
    const { env, failures, metrics, handler } = setup(5);
    env.org.attachPolicy = () => Promise.reject(THROTTLED);
    const response = await env.clock.run(() =>
      handler({ Records: [record('1', body, '222233334444', receiveCount)] }, lambdaContext()),
    );
    expect({
      response,
      kinds: failures.reports.map((r) => r.kind),
      failed: metrics.total('OperationsFailed'),
    }).toStrictEqual({
      response: { batchItemFailures: failedBack },
      kinds: ['OperationFailed'],
      failed: 1,
    });
  });

  it('refuses to start a record this close to the Lambda timeout (retried later)', async () => {
    const { env, handler } = setup();
    const response = await env.clock.run(() =>
      handler(
        { Records: [record('1', message(attach('222233334444', 'p-aaaa1111')), '222233334444')] },
        lambdaContext(10_000),
      ),
    );
    expect({
      response,
      attached: env.org
        .snapshot()
        .attachments.some((a) => a.policyId === 'p-aaaa1111' && a.targetId === '222233334444'),
    }).toStrictEqual({
      response: { batchItemFailures: [{ itemIdentifier: '1' }] },
      attached: false,
    });
  });

  it("reads Lambda's remaining time afresh for every record (the deadline can come mid-batch)", async () => {
    const { env, handler } = setup();
    let remainingMs = 60_000;
    const context = { ...lambdaContext(), getRemainingTimeInMillis: () => remainingMs };
    const attachPolicy = env.org.attachPolicy.bind(env.org);
    env.org.attachPolicy = async (policyId, targetId) => {
      const outcome = await attachPolicy(policyId, targetId);
      remainingMs = 10_000; // the first record used the time up: below the 15 s safety margin
      return outcome;
    };
    const response = await env.clock.run(() =>
      handler(
        {
          Records: [
            record('1', message(attach('222233334444', 'p-aaaa1111')), '222233334444'),
            record('2', message(attach('999988887777', 'p-aaaa1111')), '999988887777'),
          ],
        },
        context,
      ),
    );
    expect({
      response,
      attached: env.org
        .snapshot()
        .attachments.filter(
          (a) =>
            a.policyId === 'p-aaaa1111' && ['222233334444', '999988887777'].includes(a.targetId),
        )
        .map((a) => a.targetId),
    }).toStrictEqual({
      response: { batchItemFailures: [{ itemIdentifier: '2' }] },
      attached: ['222233334444'],
    });
  });
});
