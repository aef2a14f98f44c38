/**
 * Table-key drift check: `@org/scp-automation-construct` creates the DynamoDB tables that
 * `@org/aws-adapters` reads and writes, but may not import the adapters (module boundaries), so it
 * repeats their key designs by hand. The synthesized tables must equal
 * `packages/aws-adapters/src/dynamodb/table-designs.ts`: keys, attribute types, global indexes
 * with their projection, billing mode and TTL attribute.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import {
  AUDIT_LOG_TABLE,
  createTableInput,
  IDEMPOTENCY_TABLE,
  PROVISIONED_STATE_TABLE,
  RULES_TABLE,
  type TableDesign,
} from '@org/aws-adapters/dynamodb';
import { OrgGovernance, type OrgGovernanceProps } from '@org/scp-automation-construct';

/** The smallest valid configuration: tables do not depend on it. */
const CONFIG: OrgGovernanceProps['governanceConfig'] = {
  settings: { maxScpsPerTarget: 5, includeManagementAccount: false },
  scpRules: [],
  assignmentRules: [],
  notifications: [],
};

/** The key-related properties of a table, in CloudFormation's shape. */
interface TableKeys {
  readonly BillingMode: unknown;
  readonly KeySchema: unknown;
  readonly AttributeDefinitions: readonly { readonly AttributeName: string }[];
  readonly GlobalSecondaryIndexes?: unknown;
  readonly TimeToLiveSpecification?: unknown;
}

/** Attribute definitions in name order (their order carries no meaning). */
function byName<T extends { readonly AttributeName?: string }>(definitions: readonly T[]): T[] {
  return [...definitions].sort((a, b) =>
    (a.AttributeName ?? '').localeCompare(b.AttributeName ?? ''),
  );
}

/** What the adapters' design says the synthesized table must hold. */
function designedKeys(design: TableDesign): TableKeys {
  const input = createTableInput(design, 'designed');
  return {
    BillingMode: input.BillingMode,
    KeySchema: input.KeySchema,
    AttributeDefinitions: byName(
      (input.AttributeDefinitions ?? []).map((d) => ({
        AttributeName: d.AttributeName ?? '',
        AttributeType: d.AttributeType,
      })),
    ),
    ...(input.GlobalSecondaryIndexes === undefined
      ? {}
      : { GlobalSecondaryIndexes: input.GlobalSecondaryIndexes }),
    ...(design.ttlAttribute === undefined
      ? {}
      : { TimeToLiveSpecification: { AttributeName: design.ttlAttribute, Enabled: true } }),
  };
}

let stack: Stack;
let governance: OrgGovernance;
let tables: Readonly<Record<string, Record<string, unknown>>>;
beforeAll(() => {
  const app = new App({ builtinCloudFormationValidation: false });
  stack = new Stack(app, 'TableDesigns', { env: { account: '111111111111', region: 'us-east-1' } });
  governance = new OrgGovernance(stack, 'OrgGovernance', { governanceConfig: CONFIG });
  tables = Template.fromStack(stack).findResources('AWS::DynamoDB::Table') as Record<
    string,
    Record<string, unknown>
  >;
});

/** The key-related properties of one synthesized table. */
function synthesizedKeys(table: dynamodb.ITable): TableKeys {
  const logicalId = stack.getLogicalId(table.node.defaultChild as dynamodb.CfnTable);
  const properties = tables[logicalId]?.['Properties'] as TableKeys | undefined;
  if (properties === undefined) throw new Error(`${table.node.path} is not in the template`);
  return {
    BillingMode: properties.BillingMode,
    KeySchema: properties.KeySchema,
    AttributeDefinitions: byName(properties.AttributeDefinitions),
    ...(properties.GlobalSecondaryIndexes === undefined
      ? {}
      : { GlobalSecondaryIndexes: properties.GlobalSecondaryIndexes }),
    ...(properties.TimeToLiveSpecification === undefined
      ? {}
      : { TimeToLiveSpecification: properties.TimeToLiveSpecification }),
  };
}

it('the construct creates exactly the four tables the adapters design', () => {
  expect(Object.keys(tables)).toHaveLength(4);
});

describe.each([
  ['rules', RULES_TABLE, (g: OrgGovernance) => g.rulesTable],
  ['provisioned state', PROVISIONED_STATE_TABLE, (g: OrgGovernance) => g.stateTable],
  ['audit log', AUDIT_LOG_TABLE, (g: OrgGovernance) => g.auditTable],
  ['idempotency', IDEMPOTENCY_TABLE, (g: OrgGovernance) => g.idempotencyTable],
])('%s table', (_name, design, tableOf) => {
  it('has the keys, indexes, billing mode and TTL of the adapters’ design', () => {
    expect(synthesizedKeys(tableOf(governance))).toStrictEqual(designedKeys(design));
  });
});
