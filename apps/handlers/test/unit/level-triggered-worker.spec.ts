/**
 * The processor and the worker together on a queue with AWS's FIFO semantics: a message whose
 * deduplication id was *sent* in the last 5 minutes is dropped, even after the first copy was
 * consumed (simulated here on the virtual clock: moto only deduplicates queued messages).
 */
import { deduplicationIdOf, encodeOperationMessage } from '@org/aws-adapters/sqs';
import type { OperationMessage, OperationQueue } from '@org/governance-runtime';
import type { Operation } from '@org/scope-engine';
import type { SQSRecord } from 'aws-lambda';
import { createOperationsWorkerHandler } from '../../src/operations-worker/operations-worker-handler';
import { createOrgEventsProcessorHandler } from '../../src/org-events-processor/org-events-processor-handler';
import {
  collectingFailures,
  exampleEvent,
  lambdaContext,
  operationsQueueRecord,
  testObservability,
} from '../support/fixtures';
import { inMemoryDeployment, processPorts } from '../support/in-memory-deployment';

const ACCOUNT = '222233334444';
const ADMIN = 'arn:aws:sso:::permissionSet/ssoins-1111111111111111/ps-3333333333333333';
const PROD_OPERATORS = '90671234-aaaa-bbbb-cccc-333333333333';
const FIVE_MINUTES = 5 * 60_000;

/** A queue that drops ids sent in the last 5 minutes, as SQS FIFO does. */
class AwsFifoDeduplication implements OperationQueue {
  private readonly sent = new Map<string, number>();
  constructor(
    private readonly inner: OperationQueue,
    private readonly now: () => number,
  ) {}
  async send(messages: readonly OperationMessage[]): Promise<void> {
    const admitted = messages.filter((message) => {
      const id = deduplicationIdOf(message);
      const at = this.sent.get(id);
      if (at !== undefined && this.now() - at < FIVE_MINUTES) return false;
      this.sent.set(id, this.now());
      return true;
    });
    await this.inner.send(admitted);
  }
}

function record(id: string, message: OperationMessage, receiveCount = 1): SQSRecord {
  return operationsQueueRecord(id, {
    body: encodeOperationMessage(message),
    groupId: message.operation.accountId,
    deduplicationId: deduplicationIdOf(message),
    receiveCount,
  });
}

function setup() {
  const env = inMemoryDeployment();
  const config = {
    ...env.config,
    assignmentRules: [
      ...env.config.assignmentRules,
      {
        id: 'prod-admins',
        permissionSet: 'AdministratorAccess',
        principal: { type: 'GROUP' as const, name: 'ProdOperators' },
        scope: { type: 'accountTag' as const, key: 'env', value: 'prod' },
        exclude: { accounts: [], ous: [] },
      },
    ],
  };
  const rules = { current: async () => config };
  const queue = new AwsFifoDeduplication(env.queue, () => env.clock.now());
  const failures = collectingFailures();
  const observability = testObservability();
  const writes: string[] = [];
  for (const name of [
    'attachPolicy',
    'detachPolicy',
    'createAssignment',
    'deleteAssignment',
  ] as const) {
    const original = env.org[name].bind(env.org) as (...args: unknown[]) => Promise<never>;
    Object.assign(env.org, {
      [name]: (...args: unknown[]) => {
        const key = args[0] as { readonly permissionSetArn?: string };
        writes.push(key.permissionSetArn === ADMIN ? `${name} Admin` : name);
        return original(...args);
      },
    });
  }
  const processor = createOrgEventsProcessorHandler({
    process: processPorts(env, { rules, queue }),
    failures,
    markers: env.markers,
    observability,
  });
  const postponed: [string, number][] = [];
  const worker = createOperationsWorkerHandler({
    execute: {
      organizations: env.org,
      identityCenter: env.org,
      provisionedState: env.provisionedState,
      audit: env.audit,
      queue,
      failures,
      quota: env.quota,
      rules,
      clock: env.clock,
      polling: env.polling,
      directoryView: env.directoryView,
    },
    failures,
    observability,
    settings: { maxReceiveCount: 5, deadlineSafetyMs: 15_000 },
    visibility: { postpone: async (handle, seconds) => void postponed.push([handle, seconds]) },
  });
  let events = 0;
  /** The account re-tagged `env=value`: the live change, then its event, processed. */
  const retag = async (value: string) => {
    for (const account of env.org.snapshot().accounts.filter((a) => a.id === ACCOUNT)) {
      env.org.putAccount({ ...account, tags: { ...account.tags, env: value } });
    }
    const raw = exampleEvent('account-tags-changed-tag-on-resource');
    const detail = raw['detail'] as Record<string, unknown>;
    await processor(
      { ...raw, id: `retag-${++events}`, detail: { ...detail, tags: { env: value } } },
      lambdaContext(),
    );
  };
  /** Delivers everything queued to the worker, one batch. */
  const drain = () => {
    const records = env.queue.drain().map((m, i) => record(`m${events}-${i}`, m));
    return env.clock.run(() => worker({ Records: records }, lambdaContext()));
  };
  const later = (ms: number) => env.clock.run(() => env.clock.sleep(ms));
  const hasAdmin = () =>
    env.org
      .snapshot()
      .assignments.some((a) => a.accountId === ACCOUNT && a.permissionSetArn === ADMIN);
  return {
    env,
    failures,
    writes,
    postponed,
    metrics: observability.metrics,
    retag,
    drain,
    later,
    hasAdmin,
    worker,
  };
}

describe('level-triggered worker on AWS FIFO deduplication', () => {
  it('dev→prod→dev within 5 minutes: the second delete is delivered, no Admin grant remains', async () => {
    const t = setup();
    // A prod account whose Admin grant was made long ago.
    await t.retag('prod');
    await t.drain();
    await t.later(6 * 60_000);
    const granted = t.hasAdmin();
    await t.retag('dev');
    await t.drain();
    await t.later(60_000);
    await t.retag('prod');
    await t.drain();
    const regranted = t.hasAdmin();
    await t.later(60_000);
    await t.retag('dev'); // the same delete as 2 minutes ago, from another event
    await t.drain();
    expect({ granted, regranted, final: t.hasAdmin() }).toStrictEqual({
      granted: true,
      regranted: true,
      final: false,
    });
  });

  it('prod→dev→prod within 5 minutes keeps the grant', async () => {
    const t = setup();
    for (const value of ['prod', 'dev', 'prod']) {
      await t.retag(value);
      await t.drain();
      await t.later(60_000);
    }
    expect(t.hasAdmin()).toBe(true);
  });

  it('a flip back before the worker runs leaves the stale create unexecuted, audited stale', async () => {
    const t = setup();
    await t.retag('prod');
    await t.later(30_000);
    await t.retag('dev');
    await t.drain();
    const adminOps = t.env.audit
      .entries()
      .filter(
        (e) =>
          e.operation !== undefined &&
          'permissionSetArn' in e.operation &&
          e.operation.permissionSetArn === ADMIN,
      );
    expect({
      admin: t.hasAdmin(),
      adminWrites: t.writes.filter((w) => w.endsWith('Admin')),
      adminAudit: adminOps.map((e) => [e.operation?.type, e.outcome]),
    }).toStrictEqual({
      admin: false,
      adminWrites: [],
      adminAudit: [['createAssignment', 'stale']],
    });
  });
});

describe('forged and failing messages', () => {
  const forged: Operation[] = [
    {
      type: 'detachScp',
      accountId: ACCOUNT,
      policyId: 'p-FullAWSAccess',
      ruleIds: [],
    } as unknown as Operation,
    {
      type: 'createAssignment',
      accountId: ACCOUNT,
      permissionSetArn: ADMIN,
      principalType: 'GROUP',
      principalId: PROD_OPERATORS,
      ruleIds: ['no-such-rule'],
    },
    {
      // Made by hand (examples/org.yaml): the product does not manage it.
      type: 'deleteAssignment',
      accountId: '666666666666',
      permissionSetArn: ADMIN,
      principalType: 'USER',
      principalId: '90671234-aaaa-bbbb-cccc-555555555555',
      ruleIds: [],
    },
  ];

  it('refuses forged messages as NotJustified: nothing called on Organizations or Identity Center', async () => {
    const t = setup();
    const records = forged.map((operation, i) => record(`f${i}`, { eventId: 'forged', operation }));
    const response = await t.env.clock.run(() => t.worker({ Records: records }, lambdaContext()));
    expect({
      response,
      writes: t.writes,
      audit: t.env.audit.entries().map((e) => e.outcome),
      reports: t.failures.reports.map((r) => r.kind),
      metric: t.metrics.total('OperationsNotJustified'),
    }).toStrictEqual({
      response: { batchItemFailures: [] },
      writes: [],
      audit: ['notJustified', 'notJustified', 'notJustified'],
      reports: ['OperationNotJustified', 'OperationNotJustified', 'OperationNotJustified'],
      metric: 3,
    });
  });

  const attach = {
    type: 'attachScp',
    accountId: ACCOUNT,
    policyId: 'p-aaaa1111',
    ruleIds: ['baseline-guardrails'],
  } as unknown as Operation;

  it('a permanent failure is audited, alerted once and its message completed', async () => {
    const t = setup();
    const denied = Object.assign(new Error('not authorized'), {
      code: 'AccessDenied',
      retryable: false,
    });
    t.env.org.attachPolicy = () => Promise.reject(denied);
    const response = await t.env.clock.run(() =>
      t.worker({ Records: [record('1', { eventId: 'e-1', operation: attach })] }, lambdaContext()),
    );
    expect({
      response,
      reports: t.failures.reports.map((r) => r.kind),
      audit: t.env.audit.entries().map((e) => e.outcome),
      postponed: t.postponed,
    }).toStrictEqual({
      response: { batchItemFailures: [] },
      reports: ['OperationFailed'],
      audit: ['failed'],
      postponed: [],
    });
  });

  it('a retryable failure backs off by changing the visibility of its group, with growing delays', async () => {
    const t = setup();
    const throttled = Object.assign(new Error('Rate exceeded'), {
      code: 'Throttled',
      retryable: true,
    });
    t.env.org.attachPolicy = () => Promise.reject(throttled);
    const next = { ...attach, policyId: 'p-bbbb2222', ruleIds: ['payments-extra'] } as Operation;
    const records = [
      record('1', { eventId: 'e-1', operation: attach }, 3),
      record('2', { eventId: 'e-1', operation: next }, 3),
    ];
    const response = await t.env.clock.run(() => t.worker({ Records: records }, lambdaContext()));
    expect({ response, reports: t.failures.reports, postponed: t.postponed }).toStrictEqual({
      response: { batchItemFailures: [{ itemIdentifier: '1' }, { itemIdentifier: '2' }] },
      reports: [],
      postponed: [
        ['rh-1', 960],
        ['rh-2', 960],
      ],
    });
  });
});
