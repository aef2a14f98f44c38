/**
 * Upgrade safety: the logical ids of the stateful resources are pinned. A change to a construct
 * id on their path would make CloudFormation create a new resource and orphan the retained one —
 * the product would forget what it provisioned. If this test fails, the change needs a migration
 * (see the README's changelog), not a new expected list.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { OrgGovernance } from '../src';
import { FULL_CONFIG } from './support/governance-config';

/** Resource types that hold data or that others address by name. */
const STATEFUL_TYPES = [
  'AWS::DynamoDB::Table',
  'AWS::SQS::Queue',
  'AWS::KMS::Key',
  'AWS::Events::EventBus',
  'AWS::S3::Bucket',
];

/** `logicalId type deletionPolicy [name]` of every stateful resource, sorted. */
function statefulResources(stack: Stack): string[] {
  const resources = Template.fromStack(stack).toJSON().Resources as Record<
    string,
    { Type: string; DeletionPolicy?: string; Properties?: { Name?: string } }
  >;
  return Object.entries(resources)
    .filter(([, resource]) => STATEFUL_TYPES.includes(resource.Type))
    .map(([id, r]) => [id, r.Type, r.DeletionPolicy, r.Properties?.Name].filter(Boolean).join(' '))
    .sort();
}

/** The construct as deploy-app deploys it, in its stack. */
function centralStack(props: { existingRules?: boolean } = {}): Stack {
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Central', {
    env: { account: '111111111111', region: 'us-east-1' },
  });
  new OrgGovernance(stack, 'OrgGovernance', {
    governanceConfig: FULL_CONFIG,
    organizationId: 'o-exampleorg1',
    organizationTrail: true,
    eventBusName: 'org-governance',
    existingTables: props.existingRules
      ? { rules: dynamodb.Table.fromTableName(stack, 'KeptRules', 'kept-rules') }
      : undefined,
  });
  return stack;
}

it('keeps the logical id, retention and name of every stateful resource', () => {
  expect(statefulResources(centralStack())).toStrictEqual([
    'OrgGovernanceEventsEventBus0B60CDCA AWS::Events::EventBus org-governance',
    'OrgGovernanceFailedEventsQueue8A6393DC AWS::SQS::Queue Retain',
    'OrgGovernanceKey1D77EF83 AWS::KMS::Key Retain',
    'OrgGovernanceOperationsDeadLetterQueue23A10FA9 AWS::SQS::Queue Retain',
    'OrgGovernanceOperationsQueueA11CA6A2 AWS::SQS::Queue Retain',
    'OrgGovernanceOrganizationTrailAccessLogs95D5720E AWS::S3::Bucket Retain',
    'OrgGovernanceOrganizationTrailBucket05F1FE2D AWS::S3::Bucket Retain',
    'OrgGovernanceOrganizationTrailKey4D0E29B3 AWS::KMS::Key Retain',
    'OrgGovernanceTablesAuditLogC1C3B889 AWS::DynamoDB::Table Retain',
    'OrgGovernanceTablesIdempotency9C7B4843 AWS::DynamoDB::Table Retain',
    'OrgGovernanceTablesProvisionedStateF8C7D40D AWS::DynamoDB::Table Retain',
    'OrgGovernanceTablesRules0CBA0D36 AWS::DynamoDB::Table Retain',
    'OrgGovernanceTablesTagLedgerE2AD2F49 AWS::DynamoDB::Table Retain',
  ]);
});

it('adopts an existing table instead of creating one, leaving the others where they were', () => {
  const tables = statefulResources(centralStack({ existingRules: true })).filter((line) =>
    line.includes('AWS::DynamoDB::Table'),
  );
  expect(tables).toStrictEqual([
    'OrgGovernanceTablesAuditLogC1C3B889 AWS::DynamoDB::Table Retain',
    'OrgGovernanceTablesIdempotency9C7B4843 AWS::DynamoDB::Table Retain',
    'OrgGovernanceTablesProvisionedStateF8C7D40D AWS::DynamoDB::Table Retain',
    'OrgGovernanceTablesTagLedgerE2AD2F49 AWS::DynamoDB::Table Retain',
  ]);
});
