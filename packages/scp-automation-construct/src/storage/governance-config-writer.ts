/**
 * Writes the governance configuration into the rules table at deploy time. A custom resource
 * rather than an environment variable: Lambda environments are limited to 4 KB in total, and a
 * configuration of a large organization is far bigger; the rules table is also where
 * `orgctl rules apply` writes, so the handlers have one source of truth.
 */
import { createHash } from 'node:crypto';
import { Duration, Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { GovernanceConfig } from '@org/scope-engine';
import { GOVERNANCE_CONFIG_ITEM_KEY } from '../functions/handler-env';

/** Largest serialized configuration accepted (DynamoDB items are limited to 400 KB). */
export const MAX_CONFIG_BYTES = 350_000;

/** Settings of {@link GovernanceConfigWriter}. */
export interface GovernanceConfigWriterProps {
  /** The validated configuration. */
  readonly config: GovernanceConfig;
  /** The rules table. */
  readonly table: dynamodb.ITable;
  /** The table's key (the write must encrypt with it). */
  readonly encryptionKey: kms.IKey;
  /** Retention of the custom resource's log group. */
  readonly logRetention: logs.RetentionDays;
}

/**
 * Custom resource that stores the configuration as one item of the rules table (attributes
 * `config` = JSON, `configSha256`, `version` incremented on every write), on create and on every
 * change. Nothing is deleted with the stack: the table is retained with its data.
 *
 * @example
 * ```ts
 * new GovernanceConfigWriter(this, 'Config', { config, table: tables.rules, encryptionKey: key, logRetention });
 * ```
 */
export class GovernanceConfigWriter extends Construct {
  /** SHA-256 of the serialized configuration (changes trigger a write). */
  readonly configSha256: string;

  constructor(scope: Construct, id: string, props: GovernanceConfigWriterProps) {
    super(scope, id);
    const json = JSON.stringify(props.config);
    this.configSha256 = createHash('sha256').update(json).digest('hex');
    const logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetention,
      encryptionKey: props.encryptionKey,
    });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Writes the governance configuration into the rules table at deploy time',
      inlinePolicies: {
        WriteConfiguration: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              sid: 'WriteOwnLogs',
              actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              resources: [logGroup.logGroupArn],
            }),
            new iam.PolicyStatement({
              sid: 'WriteConfigurationItem',
              actions: ['dynamodb:UpdateItem'],
              resources: [props.table.tableArn],
              conditions: {
                'ForAllValues:StringEquals': {
                  'dynamodb:LeadingKeys': [GOVERNANCE_CONFIG_ITEM_KEY.pk],
                },
              },
            }),
            new iam.PolicyStatement({
              sid: 'EncryptConfigurationItem',
              actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
              resources: [props.encryptionKey.keyArn],
            }),
          ],
        }),
      },
    });
    const write: cr.AwsSdkCall = {
      service: 'DynamoDB',
      action: 'updateItem',
      parameters: {
        TableName: props.table.tableName,
        Key: { pk: { S: GOVERNANCE_CONFIG_ITEM_KEY.pk }, sk: { S: GOVERNANCE_CONFIG_ITEM_KEY.sk } },
        UpdateExpression: 'SET #config = :config, #sha = :sha, #by = :by ADD #version :one',
        ExpressionAttributeNames: {
          '#config': 'config',
          '#sha': 'configSha256',
          '#by': 'updatedBy',
          '#version': 'version',
        },
        ExpressionAttributeValues: {
          ':config': { S: json },
          ':sha': { S: this.configSha256 },
          ':by': { S: `cloudformation:${Stack.of(this).stackName}` },
          ':one': { N: '1' },
        },
      },
      physicalResourceId: cr.PhysicalResourceId.of(
        `${GOVERNANCE_CONFIG_ITEM_KEY.pk}#${GOVERNANCE_CONFIG_ITEM_KEY.sk}`,
      ),
    };
    new cr.AwsCustomResource(this, 'Write', {
      resourceType: 'Custom::GovernanceConfiguration',
      onCreate: write,
      onUpdate: write,
      role,
      logGroup,
      installLatestAwsSdk: false,
      timeout: Duration.minutes(2),
    });
  }
}
