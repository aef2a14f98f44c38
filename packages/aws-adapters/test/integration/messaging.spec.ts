/**
 * The SQS FIFO producer, SNS publisher, Support case notifier and webhook notifier against moto
 * (and DynamoDB Local for the Support idempotency markers) over HTTP.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
} from '@org/emulators';
import { DynamoDbIdempotencyStore } from '../../src/dynamodb';
import {
  SecretsManagerSecretProvider,
  SnsTopicPublisher,
  SupportCaseNotifier,
  verifySignature,
  WebhookNotifier,
} from '../../src/notifiers';
import { decodeOperationMessage, SqsOperationQueue } from '../../src/sqs';
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
  it('queues 23 operations in FIFO order per account, deduplicating repeats', async () => {
    const { QueueUrl } = await moto.sqs.send(
      new CreateQueueCommand({ QueueName: 'operations.fifo', Attributes: { FifoQueue: 'true' } }),
    );
    const queueUrl = QueueUrl ?? '';
    const operations: Operation[] = Array.from({ length: 23 }, (_, i) => ({
      type: 'attachScp',
      accountId: ['111111111111', '222222222222', '333333333333'][i % 3] ?? '',
      policyId: `p-${String(i).padStart(8, '0')}`,
      ruleIds: ['baseline'],
    }));
    const queue = new SqsOperationQueue(moto.sqs, { queueUrl });
    await queue.send(operations.map((operation) => ({ eventId: 'evt-1', operation })));
    await queue.send([{ eventId: 'evt-2', operation: operations[0] as Operation }]);
    const received = await drain(queueUrl);
    const decoded = received.map((message) => ({
      ...decodeOperationMessage(message.body),
      groupId: message.groupId,
    }));
    expect(decoded).toHaveLength(23);
    for (const accountId of ['111111111111', '222222222222', '333333333333']) {
      expect(decoded.filter((m) => m.groupId === accountId).map((m) => m.operation)).toStrictEqual(
        operations.filter((op) => op.accountId === accountId),
      );
    }
    expect(new Set(decoded.map((m) => m.eventId))).toStrictEqual(new Set(['evt-1']));
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
          operation: { type: 'detachScp', accountId: '1', policyId: 'p', ruleIds: [] },
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
  it('opens one case per account and notification, even when asked twice', async () => {
    const dynamo = createDynamoDbClients();
    await createTables(dynamo.dynamodb);
    const markers = new DynamoDbIdempotencyStore(dynamo.documents, {
      tableName: TABLES.idempotency,
    });
    const support = new SupportCaseNotifier(moto.support, markers);
    const request = {
      accountId: '222222222222',
      notificationId: 'ams-onboarding',
      subject: 'New Account Created via Control Tower - Account ID: 222222222222',
      body: 'Proceed with onboarding.',
      serviceCode: 'service-ams-operations-service-request',
      categoryCode: 'onboarding-or-offboarding',
      severityCode: 'low',
    };
    const outcomes = await Promise.all([support.openCase(request), support.openCase(request)]);
    const cases = await moto.support.send(new DescribeCasesCommand({ includeResolvedCases: true }));
    expect(outcomes.map((outcome) => outcome.status).sort()).toStrictEqual(['duplicate', 'sent']);
    const sent = outcomes.find(
      (o): o is { status: 'sent'; reference: string } => o.status === 'sent',
    );
    expect(cases.cases?.map((c) => [c.caseId, c.subject])).toStrictEqual([
      [sent?.reference, request.subject],
    ]);
  });
});

describe('WebhookNotifier', () => {
  let server: Server;
  let url: string;
  const requests: { headers: IncomingMessage['headers']; body: string }[] = [];
  const statuses: number[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        requests.push({ headers: request.headers, body });
        response.writeHead(statuses.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/accounts`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POSTs a body signed with the Secrets Manager secret, retrying a 503', async () => {
    const { ARN } = await moto.secretsManager.send(
      new CreateSecretCommand({ Name: 'cmdb-webhook', SecretString: 's3cr3t' }),
    );
    statuses.push(503, 202);
    const webhooks = new WebhookNotifier(new SecretsManagerSecretProvider(moto.secretsManager), {
      retryPolicy: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10 },
    });
    const payload = { accountId: '222222222222', subject: 'New account', body: 'Vended' };
    const result = await webhooks.deliver({ url, secretArn: ARN ?? '', payload });
    expect({
      result,
      count: requests.length,
      bodies: requests.map((r) => r.body),
      verified: requests.map((r) =>
        verifySignature(r.body, String(r.headers['x-signature']), 's3cr3t'),
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

  it('does not retry a 4xx', async () => {
    requests.length = 0;
    statuses.push(404);
    const { ARN } = await moto.secretsManager.send(
      new CreateSecretCommand({ Name: 'other-webhook', SecretString: 'x' }),
    );
    const webhooks = new WebhookNotifier(new SecretsManagerSecretProvider(moto.secretsManager));
    await expect(
      webhooks.deliver({ url, secretArn: ARN ?? '', payload: {} }),
    ).rejects.toMatchObject({
      code: 'WebhookDeliveryFailed',
      statusCode: 404,
      retryable: false,
    });
    expect(requests).toHaveLength(1);
  });
});
