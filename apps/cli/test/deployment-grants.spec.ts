import {
  DescribeTableCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import {
  deploymentGrantList,
  deploymentGrantsOf,
  deploymentGrantTags,
  normalizeDeploymentGrants,
  readDeploymentGrantTags,
} from '@org/contracts';
import { parseGovernanceConfig } from '@org/scope-engine';
import { mockClient } from 'aws-sdk-client-mock';
import { readFileSync } from 'node:fs';
import { createAwsClients } from '../src';
import { checkDeploymentGrants, readDeployedGrants } from '../src/live/deployment-grants';
import { example, run } from './helpers/run';

/**
 * The deployment check of `orgctl rules apply` on a mocked DynamoDB client (the refusals happen
 * before anything else is read); the same check against DynamoDB Local is in
 * live/rules-apply.spec.ts.
 */
const dynamoMock = mockClient(DynamoDBClient);
const ARN = 'arn:aws:dynamodb:us-east-1:111111111111:table/rules';
const CONFIG = parseGovernanceConfig(
  readFileSync(example('governance.yaml'), 'utf8'),
  'governance.yaml',
);
const NEEDED = deploymentGrantsOf(CONFIG);

/** The table's tags, returned one per page (ListTagsOfResource pages). */
function tagged(tags: Record<string, string>): void {
  const entries = Object.entries(tags);
  dynamoMock.on(DescribeTableCommand).resolves({ Table: { TableArn: ARN } });
  entries.forEach(([Key, Value], i) => {
    dynamoMock
      .on(ListTagsOfResourceCommand, { ResourceArn: ARN, NextToken: i === 0 ? undefined : `t${i}` })
      .resolves({
        Tags: [{ Key, Value }],
        ...(i + 1 < entries.length ? { NextToken: `t${i + 1}` } : {}),
      });
  });
  if (entries.length === 0) dynamoMock.on(ListTagsOfResourceCommand).resolves({ Tags: [] });
}

const rulesApply = () =>
  run(
    [
      'rules',
      'apply',
      '--config',
      example('governance.yaml'),
      '--table',
      'rules',
      '--state-table',
      'state',
      '--region',
      'us-east-1',
    ],
    { aws: createAwsClients, env: { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' } },
  );

beforeEach(() => dynamoMock.reset());

describe('readDeployedGrants', () => {
  it('reads every page of the rules table tags', async () => {
    const tags = { team: 'platform', ...deploymentGrantTags(NEEDED) };
    tagged(tags);
    const deployed = await readDeployedGrants(new DynamoDBClient({ region: 'us-east-1' }), 'rules');
    expect({
      deployed,
      described: dynamoMock.commandCalls(DescribeTableCommand).map((c) => c.args[0].input),
      pages: dynamoMock.commandCalls(ListTagsOfResourceCommand).length,
    }).toStrictEqual({
      deployed: readDeploymentGrantTags(tags),
      described: [{ TableName: 'rules' }],
      pages: Object.keys(tags).length,
    });
  });

  it('is null for a table without an ARN or without the tags', async () => {
    const client = new DynamoDBClient({ region: 'us-east-1' });
    dynamoMock.on(DescribeTableCommand).resolves({});
    const withoutArn = await readDeployedGrants(client, 'rules');
    dynamoMock.reset();
    tagged({});
    expect({ withoutArn, untagged: await readDeployedGrants(client, 'rules') }).toStrictEqual({
      withoutArn: null,
      untagged: null,
    });
  });
});

describe('checkDeploymentGrants', () => {
  const where = { file: 'governance.yaml', table: 'rules' };
  it('passes silently when the deployment grants exactly what the file needs', () => {
    expect(
      checkDeploymentGrants(CONFIG, readDeploymentGrantTags(deploymentGrantTags(NEEDED)), where),
    ).toBeNull();
  });

  it('notes a deployment that grants more than the file needs', () => {
    const wider = normalizeDeploymentGrants({
      ...NEEDED,
      topicArns: [...NEEDED.topicArns, 'arn:aws:sns:us-east-1:111111111111:extra'],
    });
    expect(
      checkDeploymentGrants(CONFIG, readDeploymentGrantTags(deploymentGrantTags(wider)), where),
    ).toMatch(
      /^the deployed stack grants more than governance\.yaml needs \(config hash [0-9a-f]{12}…, the file's [0-9a-f]{12}…\): redeploy from it to narrow the notifier's permissions$/,
    );
  });
});

describe('orgctl rules apply, deployment check', () => {
  it('refuses with exit 1 and the targets it needs when the stack grants less', async () => {
    tagged(deploymentGrantTags(normalizeDeploymentGrants({})));
    const result = await rulesApply();
    expect({ code: result.code, stderr: result.stderr }).toStrictEqual({
      code: 1,
      stderr: [
        `error: ${example('governance.yaml')} needs ${deploymentGrantList(NEEDED).length} notification target(s) the deployed stack does not grant: deploy the stack from this file first, or pass --skip-grant-check`,
        ...deploymentGrantList(NEEDED).map((grant) => `  - ${grant.description}`),
        '',
      ].join('\n'),
    });
  });

  it('refuses with exit 1 when the rules table carries no grants', async () => {
    tagged({ team: 'platform' });
    const result = await rulesApply();
    expect({ code: result.code, firstLine: result.stderr.split('\n')[0] }).toStrictEqual({
      code: 1,
      firstLine: `error: rules carries no deployment grants (a stack of @org/scp-automation-construct before 0.2.0, or an adopted rules table), so ${example('governance.yaml')}'s targets cannot be checked: deploy the stack from this file first, or pass --skip-grant-check`,
    });
  });

  it('fails with exit 3 when the table cannot be read', async () => {
    dynamoMock.on(DescribeTableCommand).rejects(
      Object.assign(new Error('not authorized'), {
        name: 'AccessDeniedException',
        $metadata: {},
      }),
    );
    const result = await rulesApply();
    expect({ code: result.code, stderr: result.stderr }).toStrictEqual({
      code: 3,
      stderr:
        'error: reading the deployment grants of rules failed: AccessDeniedException: not authorized\n',
    });
  });
});
