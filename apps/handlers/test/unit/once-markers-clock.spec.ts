import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { onceMarkers } from '../../src/shared/aws/state-ports';

describe('onceMarkers (the processor and notifier delivery markers)', () => {
  it("runs a delivery lease on the function's clock, not the host's", async () => {
    const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
    const dynamodb = mockClient(documents);
    dynamodb.on(PutCommand).resolves({});
    const FUNCTION_NOW = 1_000_000; // far from the host's Date.now()
    const markers = onceMarkers(
      documents,
      { idempotencyTable: 'idempotency' },
      { now: () => FUNCTION_NOW, sleep: async () => undefined },
    );
    const claim = await markers.begin('notify#cmdb-webhook#e-1#222222222222', 60_000);
    expect(claim).toMatchObject({ status: 'claimed', leaseExpiresAt: FUNCTION_NOW + 60_000 });
    dynamodb.restore();
  });
});
