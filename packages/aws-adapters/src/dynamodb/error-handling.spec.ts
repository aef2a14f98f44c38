import { DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY } from '../../test/support/fast-retry';
import { DynamoDbAuditLog } from './audit-log';
import { DynamoDbIdempotencyStore } from './idempotency-store';
import { DynamoDbProvisionedStateRepository } from './provisioned-state-repository';
import { DynamoDbRulesRepository } from './rules-repository';

const ddbMock = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const options = { tableName: 't', retryPolicy: FAST_RETRY };
const rules = new DynamoDbRulesRepository(client, options);
const state = new DynamoDbProvisionedStateRepository(client, options);
const audit = new DynamoDbAuditLog(client, options);
const markers = new DynamoDbIdempotencyStore(client, options);
const ITEM = { kind: 'attachment', policyId: 'p-1', ruleIds: ['r'], tagKeys: [] } as const;
const CONFIG = {
  settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
  scpRules: [],
  assignmentRules: [],
  notifications: [],
};

const METHODS: [string, () => Promise<unknown>][] = [
  ['rules.load', () => rules.load()],
  ['rules.save', () => rules.save(CONFIG, 0, 'now')],
  ['rules.findByScope', () => rules.findByScope({ type: 'root' })],
  ['state.getAccount', () => state.getAccount('1')],
  ['state.findByTagKey', () => state.findByTagKey('1', 'env')],
  ['state.listAll', () => state.listAll()],
  ['state.recordApplied', () => state.recordApplied('1', ITEM)],
  ['state.recordRemoved', () => state.recordRemoved('1', { kind: 'attachment', policyId: 'p-1' })],
  ['state.forgetAccount', () => state.forgetAccount('1')],
  [
    'audit.append',
    () =>
      audit.append({
        eventId: 'e',
        type: 'event',
        at: '2026-01-01T00:00:00Z',
        accountId: null,
        outcome: 'received',
        ruleIds: [],
      }),
  ],
  ['audit.listByEvent', () => audit.listByEvent('e')],
  ['markers.claim', () => markers.claim('k')],
  ['markers.release', () => markers.release('k')],
];

beforeEach(() => ddbMock.reset());

describe.each(METHODS)('%s', (_name, run) => {
  it('retries ProvisionedThroughputExceeded and succeeds', async () => {
    ddbMock
      .onAnyCommand()
      .rejectsOnce(new ProvisionedThroughputExceededException({ message: 'slow', $metadata: {} }))
      .resolves({});
    await run();
    expect(ddbMock.calls().length).toBeGreaterThanOrEqual(2);
  });

  it('gives up on throttling with a retryable Throttled error', async () => {
    ddbMock
      .onAnyCommand()
      .rejects(new ProvisionedThroughputExceededException({ message: 'slow', $metadata: {} }));
    await expect(run()).rejects.toMatchObject({
      code: 'Throttled',
      retryable: true,
      context: { tableName: 't' },
    });
  });

  it('reports AccessDenied at once, with the table name', async () => {
    ddbMock
      .onAnyCommand()
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(run()).rejects.toMatchObject({
      code: 'AccessDenied',
      retryable: false,
      context: { tableName: 't' },
    });
    expect(ddbMock.calls()).toHaveLength(1);
  });
});
