/**
 * Each consumer uses the one contract (`@org/contracts`) instead of a copy: the construct's
 * tables are built from `TABLE_DESIGNS`, the adapters create theirs from the same objects, and
 * the construct's EventBridge rules match exactly the events the parser handles.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import {
  AUDIT_LOG_TABLE,
  IDEMPOTENCY_TABLE,
  PROVISIONED_STATE_TABLE,
  RULES_TABLE,
} from '@org/aws-adapters/dynamodb';
import {
  CONTROL_TOWER_EVENT_NAMES,
  createTableInput,
  type GovernanceTableName,
  ORGANIZATIONS_EVENT_NAMES,
  ORGANIZATIONS_POLICY_CHANGE_EVENT_NAMES,
  TABLE_DESIGNS,
} from '@org/contracts';
import { HANDLED_EVENT_NAMES } from '@org/event-schemas';
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
function byName<T extends { readonly AttributeName: string }>(definitions: readonly T[]): T[] {
  return [...definitions].sort((a, b) => a.AttributeName.localeCompare(b.AttributeName));
}

/** What the contract's design says the synthesized table must hold. */
function designedKeys(name: GovernanceTableName): TableKeys {
  const design = TABLE_DESIGNS[name];
  const input = createTableInput(design, name);
  return {
    BillingMode: input.BillingMode,
    KeySchema: input.KeySchema,
    AttributeDefinitions: byName(input.AttributeDefinitions),
    ...(input.GlobalSecondaryIndexes === undefined
      ? {}
      : { GlobalSecondaryIndexes: input.GlobalSecondaryIndexes }),
    ...('ttlAttribute' in design
      ? { TimeToLiveSpecification: { AttributeName: design.ttlAttribute, Enabled: true } }
      : {}),
  };
}

let stack: Stack;
let governance: OrgGovernance;
let template: Template;
beforeAll(() => {
  const app = new App({ builtinCloudFormationValidation: false });
  stack = new Stack(app, 'Contracts', { env: { account: '111111111111', region: 'us-east-1' } });
  governance = new OrgGovernance(stack, 'OrgGovernance', { governanceConfig: CONFIG });
  template = Template.fromStack(stack);
});

/** The key-related properties of one synthesized table. */
function synthesizedKeys(table: dynamodb.ITable): TableKeys {
  const logicalId = stack.getLogicalId(table.node.defaultChild as dynamodb.CfnTable);
  const properties = template.toJSON().Resources[logicalId].Properties as TableKeys;
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

it('the construct creates exactly the contract’s tables', () => {
  expect(Object.keys(template.findResources('AWS::DynamoDB::Table'))).toHaveLength(
    Object.keys(TABLE_DESIGNS).length,
  );
});

describe.each([
  ['rules', (g: OrgGovernance) => g.rulesTable],
  ['state', (g: OrgGovernance) => g.stateTable],
  ['audit', (g: OrgGovernance) => g.auditTable],
  ['idempotency', (g: OrgGovernance) => g.idempotencyTable],
  ['tagLedger', (g: OrgGovernance) => g.tagLedgerTable],
] as const)('the synthesized %s table', (name, tableOf) => {
  it('has the keys, indexes, billing mode and TTL of the contract’s design', () => {
    expect(synthesizedKeys(tableOf(governance))).toStrictEqual(designedKeys(name));
  });
});

it('the adapters’ table designs are the contract’s, not copies', () => {
  expect([RULES_TABLE, PROVISIONED_STATE_TABLE, AUDIT_LOG_TABLE, IDEMPOTENCY_TABLE]).toStrictEqual([
    TABLE_DESIGNS.rules,
    TABLE_DESIGNS.state,
    TABLE_DESIGNS.audit,
    TABLE_DESIGNS.idempotency,
  ]);
  expect(RULES_TABLE).toBe(TABLE_DESIGNS.rules);
});

it('the construct’s EventBridge rules match exactly the event names the parser handles (lifecycle and policy changes)', () => {
  const rules = Object.values(template.findResources('AWS::Events::Rule')) as {
    Properties: {
      EventPattern?: { source?: string[]; detail?: { eventName?: string[] } };
    };
  }[];
  const matched = (source: string) =>
    [
      ...new Set(
        rules
          .map((rule) => rule.Properties.EventPattern)
          .filter((pattern) => pattern?.source?.includes(source) === true)
          .flatMap((pattern) => pattern?.detail?.eventName ?? []),
      ),
    ].sort();
  expect({
    organizations: matched('aws.organizations'),
    controlTower: matched('aws.controltower'),
  }).toStrictEqual({
    organizations: [
      ...HANDLED_EVENT_NAMES['aws.organizations'],
      ...ORGANIZATIONS_POLICY_CHANGE_EVENT_NAMES,
    ].sort(),
    controlTower: [...HANDLED_EVENT_NAMES['aws.controltower']].sort(),
  });
  expect(matched('aws.organizations')).toStrictEqual(
    [...ORGANIZATIONS_EVENT_NAMES, ...ORGANIZATIONS_POLICY_CHANGE_EVENT_NAMES].sort(),
  );
  expect(matched('aws.controltower')).toStrictEqual([...CONTROL_TOWER_EVENT_NAMES].sort());
});
