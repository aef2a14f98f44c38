/**
 * The SQS FIFO producer, SNS publisher, Support case notifier and webhook notifier against moto
 * (and DynamoDB Local for the Support idempotency markers) over HTTP.
 */
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import { DescribeCasesCommand } from '@aws-sdk/client-support';
import type { Operation } from '@org/scope-engine';
import {
  createDynamoDbClients,
  createMotoClients,
  emulatorEndpoint,
  type MotoClients,
  TEST_TLS_CERT,
} from '@org/emulators';
import { DynamoDbIdempotencyStore } from '../../src/dynamodb';
import { MarkerInProgressError } from '../../src/errors';
import {
  SecretsManagerSecretProvider,
  SnsTopicPublisher,
  SupportCaseNotifier,
  supportCaseMarker,
  verifyWebhookSignature,
  WebhookNotifier,
  type WebhookNotifierOptions,
} from '../../src/notifiers';
import { decodeOperationMessage, SqsOperationQueue } from '../../src/sqs';
import { startHttpsReceiver, type HttpsReceiver } from '../support/https-receiver';
import { createTables, TABLES } from '../support/tables';

jest.setTimeout(60_000);

let moto: MotoClients;

beforeAll(() => {
  moto = createMotoClients();
});

/** Receives one message at a time (moto redelivers only the last of a FIFO group otherwise). */
async function drain(queueUrl: string): Promise<{ body: string; groupId: string | undefined }[]> {
  const received: { body: string; groupId: string | undefined }[] = [];
  for (;;) {
    const { Messages } = await moto.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 1,
        MessageSystemAttributeNames: ['MessageGroupId'],
      }),
    );
    const message = Messages?.[0];
    if (!message) return received;
    received.push({ body: message.Body ?? '', groupId: message.Attributes?.MessageGroupId });
    await moto.sqs.send(
      new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
    );
  }
}

describe('SqsOperationQueue', () => {
  it('queues 23 operations in FIFO order per account; a repeat of the same cause is deduplicated, a later cause is not', async () => {
    const { QueueUrl } = await moto.sqs.send(
      new CreateQueueCommand({ QueueName: 'operations.fifo', Attributes: { FifoQueue: 'true' } }),
    );
    const queueUrl = QueueUrl ?? '';
    const operations: Operation[] = Array.from({ length: 23 }, (_, i) => ({
      type: 'attachPolicy',
      policyType: 'SERVICE_CONTROL_POLICY',
      accountId: ['111111111111', '222222222222', '333333333333'][i % 3] ?? '',
      policyId: `p-${String(i).padStart(8, '0')}`,
      ruleIds: ['baseline'],
    }));
    const queue = new SqsOperationQueue(moto.sqs, { queueUrl });
    await queue.send(operations.map((operation) => ({ eventId: 'evt-1', operation })));
    // A retried send of the same event (same cause): deduplicated.
    await queue.send([{ eventId: 'evt-1', operation: operations[0] as Operation }]);
    // The same operation from a later event (a flip back): delivered.
    await queue.send([{ eventId: 'evt-2', operation: operations[0] as Operation }]);
    const received = await drain(queueUrl);
    const decoded = received.map((message) => ({
      ...decodeOperationMessage(message.body),
      groupId: message.groupId,
    }));
    expect(decoded).toHaveLength(24);
    for (const accountId of ['111111111111', '222222222222', '333333333333']) {
      const repeat = accountId === operations[0]?.accountId ? [operations[0]] : [];
      expect(decoded.filter((m) => m.groupId === accountId).map((m) => m.operation)).toStrictEqual([
        ...operations.filter((op) => op.accountId === accountId),
        ...repeat,
      ]);
    }
    expect(decoded.map((m) => m.eventId).filter((id) => id === 'evt-2')).toHaveLength(1);
  });

  it('reports a missing queue as a typed error', async () => {
    const queue = new SqsOperationQueue(moto.sqs, {
      queueUrl: `${emulatorEndpoint('moto')}/${moto.accountId}/missing.fifo`,
      retryPolicy: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    });
    await expect(
      queue.send([
        {
          eventId: null,
          operation: {
            type: 'detachPolicy',
            policyType: 'SERVICE_CONTROL_POLICY',
            accountId: '1',
            policyId: 'p',
            ruleIds: [],
          },
        },
      ]),
    ).rejects.toMatchObject({ code: 'NotFound', context: { operation: 'SendMessageBatch' } });
  });
});

describe('SnsTopicPublisher', () => {
  it('publishes to a topic that an SQS queue receives', async () => {
    const { TopicArn } = await moto.sns.send(
      new CreateTopicCommand({ Name: 'governance-failures' }),
    );
    const { QueueUrl } = await moto.sqs.send(
      new CreateQueueCommand({ QueueName: 'failure-inbox' }),
    );
    const { Attributes } = await moto.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    await moto.sns.send(
      new SubscribeCommand({
        TopicArn,
        Protocol: 'sqs',
        Endpoint: Attributes?.QueueArn,
        Attributes: { RawMessageDelivery: 'true' },
      }),
    );
    const published = await new SnsTopicPublisher(moto.sns).publish(TopicArn ?? '', {
      subject: 'Operation failed\nfor 222222222222',
      message: '{"reason":"AccessDenied"}',
      attributes: { accountId: '222222222222' },
    });
    const received = await drain(QueueUrl ?? '');
    expect({ id: typeof published.messageId, bodies: received.map((m) => m.body) }).toStrictEqual({
      id: 'string',
      bodies: ['{"reason":"AccessDenied"}'],
    });
  });
});

describe('SupportCaseNotifier', () => {
  const request = {
    accountId: '222222222222',
    notificationId: 'ams-onboarding',
    subject: 'New Account Created via Control Tower - Account ID: 222222222222',
    body: 'Proceed with onboarding.',
    serviceCode: 'service-ams-operations-service-request',
    categoryCode: 'onboarding-or-offboarding',
    severityCode: 'low',
  };
  let now = Date.parse('2026-03-01T00:00:00.000Z');
  let markers: DynamoDbIdempotencyStore;

  beforeAll(async () => {
    const dynamo = createDynamoDbClients();
    await createTables(dynamo.dynamodb);
    markers = new DynamoDbIdempotencyStore(dynamo.documents, {
      tableName: TABLES.idempotency,
      now: () => now,
    });
  });

  /** The subjects of the cases moto holds for `accountId`. */
  async function casesOf(accountId: string): Promise<(string | undefined)[][]> {
    const { cases } = await moto.support.send(
      new DescribeCasesCommand({ includeResolvedCases: true }),
    );
    return (cases ?? [])
      .filter((c) => c.subject?.includes(accountId))
      .map((c) => [c.caseId, c.subject]);
  }

  it('lets exactly one of two concurrent claimers call CreateCase; a later retry is a duplicate', async () => {
    const support = new SupportCaseNotifier(moto.support, markers);
    const settled = await Promise.allSettled([
      support.openCase(request),
      support.openCase(request),
    ]);
    const sent = settled.flatMap((s) =>
      s.status === 'fulfilled' && s.value.status === 'sent' ? [s.value.reference] : [],
    );
    const inProgress = settled.flatMap((s) =>
      s.status === 'rejected' && s.reason instanceof MarkerInProgressError
        ? [s.reason.retryable]
        : [],
    );
    expect({
      sent: sent.length,
      inProgress,
      cases: await casesOf(request.accountId),
      retry: await support.openCase(request),
    }).toStrictEqual({
      sent: 1,
      inProgress: [true],
      cases: [[sent[0], request.subject]],
      retry: { status: 'duplicate', reference: sent[0] },
    });
  });

  it('opens the case after a crash between the claim and CreateCase, once the lease expires', async () => {
    const crashed = { ...request, accountId: '333333333333', subject: 'New account 333333333333' };
    const marker = supportCaseMarker(crashed.accountId, crashed.notificationId);
    // The crashed invocation claimed the marker and died before CreateCase.
    expect((await markers.begin(marker, 60_000)).status).toBe('claimed');
    const support = new SupportCaseNotifier(moto.support, markers, { claimLeaseMs: 60_000 });
    now += 30_000;
    const during = await support.openCase(crashed).catch((error: unknown) => error);
    now += 31_000;
    const after = await support.openCase(crashed);
    const reference = after.status === 'sent' ? after.reference : 'not sent';
    expect({
      during: during instanceof MarkerInProgressError ? during.code : during,
      after,
      cases: await casesOf(crashed.accountId),
      again: await support.openCase(crashed),
    }).toStrictEqual({
      during: 'MarkerInProgress',
      after: { status: 'sent', reference },
      cases: [[reference, crashed.subject]],
      again: { status: 'duplicate', reference },
    });
  });
});

describe('WebhookNotifier', () => {
  let receiver: HttpsReceiver;
  let url: string;
  const statuses: number[] = [];
  /** hooks.test resolves to the local receiver, the only address exempted from the checks. */
  const LOCAL: WebhookNotifierOptions = {
    resolveHost: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
    allowAddresses: ['127.0.0.1'],
    trustedCa: TEST_TLS_CERT,
  };

  beforeAll(async () => {
    receiver = await startHttpsReceiver(() => ({ status: statuses.shift() ?? 200 }));
    url = `https://hooks.test:${receiver.port}/hooks/accounts`;
  });

  afterAll(() => receiver.close());

  it('POSTs a body signed with the Secrets Manager secret, retrying a 503', async () => {
    const { ARN } = await moto.secretsManager.send(
      new CreateSecretCommand({ Name: 'cmdb-webhook', SecretString: 's3cr3t' }),
    );
    statuses.push(503, 202);
    const webhooks = new WebhookNotifier(new SecretsManagerSecretProvider(moto.secretsManager), {
      ...LOCAL,
      retryPolicy: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10 },
    });
    const payload = { accountId: '222222222222', subject: 'New account', body: 'Vended' };
    const result = await webhooks.deliver({ url, secretArn: ARN ?? '', payload });
    const { requests } = receiver;
    expect({
      result,
      count: requests.length,
      bodies: requests.map((r) => r.body),
      verified: requests.map(
        (r) =>
          verifyWebhookSignature({
            header: r.headers['x-signature'],
            body: r.body,
            secrets: 's3cr3t',
          }).valid,
      ),
      contentType: requests.map((r) => r.headers['content-type']),
    }).toStrictEqual({
      result: { statusCode: 202 },
      count: 2,
      bodies: [JSON.stringify(payload), JSON.stringify(payload)],
      verified: [true, true],
      contentType: ['application/json', 'application/json'],
    });
  });

  it('signs with both versions while a JSON secret rotates', async () => {
    receiver.requests.length = 0;
    const { ARN } = await moto.secretsManager.send(
      new CreateSecretCommand({
        Name: 'rotating-webhook',
        SecretString: JSON.stringify({ current: 'new-key', previous: 'old-key' }),
      }),
    );
    const webhooks = new WebhookNotifier(
      new SecretsManagerSecretProvider(moto.secretsManager),
      LOCAL,
    );
    await webhooks.deliver({ url, secretArn: ARN ?? '', payload: { accountId: '2' } });
    const [request] = receiver.requests;
    const verify = (secrets: string) =>
      verifyWebhookSignature({
        header: request?.headers['x-signature'],
        body: request?.body ?? '',
        secrets,
      }).valid;
    expect([verify('new-key'), verify('old-key'), verify('other')]).toStrictEqual([
      true,
      true,
      false,
    ]);
  });

  it('does not retry a 4xx', async () => {
    receiver.requests.length = 0;
    statuses.push(404);
    const { ARN } = await moto.secretsManager.send(
      new CreateSecretCommand({ Name: 'other-webhook', SecretString: 'x' }),
    );
    const webhooks = new WebhookNotifier(
      new SecretsManagerSecretProvider(moto.secretsManager),
      LOCAL,
    );
    await expect(
      webhooks.deliver({ url, secretArn: ARN ?? '', payload: {} }),
    ).rejects.toMatchObject({
      code: 'WebhookDeliveryFailed',
      statusCode: 404,
      retryable: false,
    });
    expect(receiver.requests).toHaveLength(1);
  });
});
