import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY } from '../../test/support/fast-retry';
import { SecretsManagerSecretProvider } from './secret-provider';
import { SnsTopicPublisher } from './sns-topic-publisher';

const snsMock = mockClient(SNSClient);
const secretsMock = mockClient(SecretsManagerClient);

beforeEach(() => {
  snsMock.reset();
  secretsMock.reset();
});

describe('SecretsManagerSecretProvider', () => {
  it('reads and caches secret strings and binaries', async () => {
    secretsMock
      .on(GetSecretValueCommand, { SecretId: 'arn:a' })
      .resolves({ SecretString: 'alpha' })
      .on(GetSecretValueCommand, { SecretId: 'arn:b' })
      .resolves({ SecretBinary: new TextEncoder().encode('beta') });
    const provider = new SecretsManagerSecretProvider(
      new SecretsManagerClient({ region: 'us-east-1' }),
      {
        retryPolicy: FAST_RETRY,
      },
    );
    const values = [
      await provider.getSecret('arn:a'),
      await provider.getSecret('arn:a'),
      await provider.getSecret('arn:b'),
    ];
    expect(values).toStrictEqual(['alpha', 'alpha', 'beta']);
    expect(secretsMock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('reports an empty secret without its value', async () => {
    secretsMock.on(GetSecretValueCommand).resolves({});
    const provider = new SecretsManagerSecretProvider(
      new SecretsManagerClient({ region: 'us-east-1' }),
    );
    await expect(provider.getSecret('arn:a')).rejects.toMatchObject({
      code: 'UnexpectedResponse',
      message: 'Secret arn:a has no value',
    });
  });
});

describe('SnsTopicPublisher', () => {
  const topics = new SnsTopicPublisher(new SNSClient({ region: 'us-east-1' }), {
    retryPolicy: FAST_RETRY,
  });

  it('publishes subject, message and string attributes', async () => {
    snsMock.on(PublishCommand).resolves({ MessageId: 'm-1' });
    expect(
      await topics.publish('arn:aws:sns:us-east-1:1:t', {
        subject: 'Failed',
        message: '{}',
        attributes: { accountId: '2' },
      }),
    ).toStrictEqual({ messageId: 'm-1' });
    expect(snsMock.commandCalls(PublishCommand)[0]?.args[0].input).toStrictEqual({
      TopicArn: 'arn:aws:sns:us-east-1:1:t',
      Subject: 'Failed',
      Message: '{}',
      MessageAttributes: { accountId: { DataType: 'String', StringValue: '2' } },
    });
  });

  it('retries throttling and reports NotFound topics', async () => {
    snsMock
      .on(PublishCommand)
      .rejectsOnce(Object.assign(new Error('x'), { name: 'Throttling' }))
      .rejects(Object.assign(new Error('x'), { name: 'NotFoundException' }));
    await expect(topics.publish('arn:t', { subject: 's', message: 'm' })).rejects.toMatchObject({
      code: 'NotFound',
      context: { operation: 'Publish', topicArn: 'arn:t' },
    });
    expect(snsMock.commandCalls(PublishCommand)).toHaveLength(2);
  });
});
