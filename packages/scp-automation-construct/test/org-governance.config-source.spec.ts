/**
 * One source for the configuration: `GovernanceConfigSource.fromFile` / `fromYaml` / `fromGrants`
 * give the same deployment as the deprecated `governanceConfig`; the rules table carries the
 * deployment's grants and the stack its configuration hash (what `orgctl rules apply` checks);
 * a bad file is reported with its name and every problem's path; `grantRulesApply` grants what
 * `rules apply` does and admits a role to the operations queue.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { deploymentGrantTags } from '@org/contracts';
import {
  DEPLOYMENT_GRANTS,
  deploymentConfigHash,
  deploymentGrantsOf,
  GovernanceConfigSource,
  InvalidGovernanceConfigError,
  InvalidPropsError,
  OrgGovernance,
  type OrgGovernanceProps,
} from '../src';
import { FULL_CONFIG } from './support/governance-config';
import { MANAGEMENT_ACCOUNT } from './support/synth';

const FULL_HASH = deploymentConfigHash(deploymentGrantsOf(FULL_CONFIG));

/** A stack with one `OrgGovernance` of these props. */
function governanceStack(props: OrgGovernanceProps) {
  const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Governance', {
    env: { account: MANAGEMENT_ACCOUNT, region: 'us-east-1' },
  });
  const governance = new OrgGovernance(stack, 'OrgGovernance', props);
  return { stack, governance };
}

/** The error thrown by constructing an `OrgGovernance` with these props. */
function constructionError(props: OrgGovernanceProps): unknown {
  try {
    governanceStack(props);
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** A file in a fresh temporary folder. */
function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'config-source-')), name);
  writeFileSync(path, content);
  return path;
}

/** The rules table's tags as a record. */
function rulesTableTags(stack: Stack, governance: OrgGovernance): Record<string, string> {
  const id = stack.getLogicalId(governance.rulesTable.node.defaultChild as never);
  const table = Template.fromStack(stack).toJSON().Resources[id] as {
    Properties: { Tags?: { Key: string; Value: string }[] };
  };
  return Object.fromEntries((table.Properties.Tags ?? []).map((t) => [t.Key, t.Value]));
}

describe('GovernanceConfigSource', () => {
  it.each([
    [
      'fromFile',
      () => GovernanceConfigSource.fromFile(tempFile('g.json', JSON.stringify(FULL_CONFIG))),
    ],
    ['fromYaml', () => GovernanceConfigSource.fromYaml(JSON.stringify(FULL_CONFIG), 'g.json')],
    ['fromGrants', () => GovernanceConfigSource.fromGrants(deploymentGrantsOf(FULL_CONFIG))],
  ])(
    '%s deploys what governanceConfig deploys: tags, output and notifier permissions',
    (_name, source) => {
      const legacy = governanceStack({ governanceConfig: FULL_CONFIG });
      const { stack, governance } = governanceStack({ config: source() });
      const template = Template.fromStack(stack);
      const policies = (s: Stack) =>
        JSON.stringify(Template.fromStack(s).findResources('AWS::IAM::Policy'));
      expect({
        hash: governance.configHash,
        tags: rulesTableTags(stack, governance),
        output: Object.values(template.findOutputs('*')).map((o) => o['Value']),
        samePolicies: policies(stack) === policies(legacy.stack),
      }).toStrictEqual({
        hash: FULL_HASH,
        tags: deploymentGrantTags(deploymentGrantsOf(FULL_CONFIG)),
        output: [FULL_HASH],
        samePolicies: true,
      });
    },
  );

  it('names the output after the contract both sides share', () => {
    const { stack } = governanceStack({ governanceConfig: FULL_CONFIG });
    expect(Object.keys(Template.fromStack(stack).findOutputs('*'))).toStrictEqual([
      expect.stringMatching(new RegExp(`^OrgGovernance${DEPLOYMENT_GRANTS.configHashOutput}`)),
    ]);
  });

  it('reports a bad file with its name and every problem with its path, without a stack trace', () => {
    const file = tempFile(
      'governance.yaml',
      'notifications:\n  - id: Bad\n    on: [AccountCreated]\n    target: { type: sns, topicArn: billing }\n',
    );
    const error = constructionError({ config: GovernanceConfigSource.fromFile(file) });
    expect(error).toBeInstanceOf(InvalidGovernanceConfigError);
    const typed = error as InvalidGovernanceConfigError;
    expect({
      code: typed.code,
      first: typed.message.split('\n')[0],
      paths: typed.problems.map((p) => p.replace(/^line \d+: /, '').split(':')[0]),
      stack: typed.stack,
      printedFields: Object.keys(typed).filter((key) => key !== 'name'),
    }).toStrictEqual({
      code: 'INVALID_GOVERNANCE_CONFIG',
      first: `${file} (OrgGovernance at 'Governance/OrgGovernance') is not a valid governance configuration:`,
      paths: expect.arrayContaining(['notifications[0].id', 'notifications[0].target.topicArn']),
      stack: `InvalidGovernanceConfigError: ${typed.message}`,
      printedFields: [],
    });
  });

  it('reports a file that cannot be read', () => {
    const error = constructionError({
      config: GovernanceConfigSource.fromFile('/nonexistent/g.yaml'),
    });
    expect((error as InvalidGovernanceConfigError).problems).toStrictEqual([
      expect.stringMatching(/^cannot be read: ENOENT: no such file or directory/),
    ]);
  });

  it('refuses both sources at once, none, and grants for events it does not know', () => {
    const problems = (props: OrgGovernanceProps) =>
      (constructionError(props) as InvalidPropsError).problems;
    expect({
      both: problems({
        governanceConfig: FULL_CONFIG,
        config: GovernanceConfigSource.fromGrants({}),
      }),
      none: problems({}),
      unknown: problems({
        config: GovernanceConfigSource.fromGrants({ notifiedEvents: ['AccountClosed'] }),
      }),
    }).toStrictEqual({
      both: [
        'give config or the deprecated governanceConfig, not both (they would disagree on what the deployment grants)',
      ],
      none: [
        "config is required: GovernanceConfigSource.fromFile('governance.yaml') (the file orgctl rules apply stores)",
      ],
      unknown: [
        'config notifiedEvents must be AccountCreated, AccountJoined, CreateAccountFailed, ManagedAccountVended, ManagedAccountCreated or ManagedAccountUpdated, got AccountClosed',
      ],
    });
  });

  it('leaves an adopted rules table untagged, and still outputs the hash', () => {
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Adopting', {
      env: { account: MANAGEMENT_ACCOUNT, region: 'us-east-1' },
    });
    const rules = dynamodb.Table.fromTableName(stack, 'OldRules', 'old-rules');
    const governance = new OrgGovernance(stack, 'OrgGovernance', {
      config: GovernanceConfigSource.fromGrants(deploymentGrantsOf(FULL_CONFIG)),
      existingTables: { rules },
    });
    const template = Template.fromStack(stack);
    expect({
      tables: Object.keys(template.findResources('AWS::DynamoDB::Table')).length,
      tagged: JSON.stringify(template.toJSON()).includes(DEPLOYMENT_GRANTS.configHashTag),
      output: Object.values(template.findOutputs('*')).map((o) => o['Value']),
      hash: governance.configHash,
    }).toStrictEqual({ tables: 4, tagged: false, output: [FULL_HASH], hash: FULL_HASH });
  });
});

describe('grantRulesApply', () => {
  it('gives a role the rules, state and audit table calls, the key, and the operations queue it admits', () => {
    const { stack, governance } = governanceStack({ governanceConfig: FULL_CONFIG });
    const role = new iam.Role(stack, 'Pipeline', { assumedBy: new iam.AccountRootPrincipal() });
    const grant = governance.grantRulesApply(role);
    const ref = (c: { node: { defaultChild?: unknown } }) => ({
      'Fn::GetAtt': [stack.getLogicalId(c.node.defaultChild as never), 'Arn'],
    });
    const template = Template.fromStack(stack);
    const policies = Object.values(
      template.findResources('AWS::IAM::Policy', {
        Properties: { Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as never) }] },
      }),
    ) as { Properties: { PolicyDocument: { Statement: unknown[] } } }[];
    const rulesIndexes = { 'Fn::Join': ['', [ref(governance.rulesTable), '/index/*']] };
    expect({
      success: grant.success,
      statements: policies.flatMap((p) => p.Properties.PolicyDocument.Statement),
    }).toStrictEqual({
      success: true,
      statements: [
        {
          Effect: 'Allow',
          Action: [
            'dynamodb:DescribeTable',
            'dynamodb:ListTagsOfResource',
            'dynamodb:GetItem',
            'dynamodb:Query',
            'dynamodb:PutItem',
            'dynamodb:BatchWriteItem',
          ],
          Resource: [ref(governance.rulesTable), rulesIndexes],
        },
        {
          Effect: 'Allow',
          Action: [
            'dynamodb:GetItem',
            'dynamodb:Query',
            'dynamodb:PutItem',
            'dynamodb:BatchWriteItem',
          ],
          Resource: [ref(governance.stateTable)],
        },
        { Effect: 'Allow', Action: 'dynamodb:PutItem', Resource: [ref(governance.auditTable)] },
        {
          Effect: 'Allow',
          Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
          Resource: ref(governance.encryptionKey),
        },
        {
          Effect: 'Allow',
          Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
          Resource: ref(governance.operationsQueue),
        },
      ],
    });
    const senders = JSON.stringify(template.findResources('AWS::SQS::QueuePolicy'));
    expect(senders.includes(JSON.stringify(ref(role)))).toBe(true);
  });

  it('gives a principal that is not a role no queue permission (the queue admits roles only)', () => {
    const { stack, governance } = governanceStack({ governanceConfig: FULL_CONFIG });
    const user = new iam.User(stack, 'Operator');
    governance.grantRulesApply(user);
    const policies = JSON.stringify(
      Template.fromStack(stack).findResources('AWS::IAM::Policy', {
        Properties: { Users: [{ Ref: stack.getLogicalId(user.node.defaultChild as never) }] },
      }),
    );
    expect({
      tables: policies.includes('dynamodb:ListTagsOfResource'),
      queue: policies.includes('sqs:SendMessage'),
    }).toStrictEqual({ tables: true, queue: false });
  });
});
