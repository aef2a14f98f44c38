import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  actAsMotoAccount,
  createDynamoDbClients,
  createMotoClients,
  emulatorEndpoint,
  seedSnapshot,
  translateConfig,
  type MotoClients,
  type SeededSnapshot,
} from '@org/emulators';
import {
  createTableInput,
  DynamoDbDirectoryViewStore,
  DynamoDbProvisionedStateRepository,
  DynamoDbRulesRepository,
  PROVISIONED_STATE_TABLE,
  RULES_TABLE,
  AUDIT_LOG_TABLE,
} from '@org/aws-adapters/dynamodb';
import {
  parseGovernanceConfig,
  parseOrgSnapshot,
  type GovernanceConfig,
  type OrgSnapshot,
} from '@org/scope-engine';
import { type DirectoryView } from '@org/governance-runtime';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createAwsClients, type AwsClientFactory } from '../../src';
import { example } from '../helpers/run';

/** Table names every live test uses (each test has its own DynamoDB Local namespace). */
export const TABLES = { rules: 'rules', state: 'state', audit: 'audit' } as const;

/** A seeded organization in moto with the product's tables in DynamoDB Local. */
export interface LiveOrg {
  readonly moto: MotoClients;
  readonly seeded: SeededSnapshot;
  /** examples/governance.yaml with moto's ids. */
  readonly config: GovernanceConfig;
  readonly state: DynamoDbProvisionedStateRepository;
  /** The directory view the live commands keep in the state table (what the processor reads). */
  readonly directoryViews: DynamoDbDirectoryViewStore;
  readonly rules: DynamoDbRulesRepository;
  /** The clients `orgctl` gets: acting as this moto account, DynamoDB in this namespace. */
  readonly aws: AwsClientFactory;
  /** The connection options of every live command. */
  readonly connectionArgs: readonly string[];
}

/** Records each `managedBy` of the snapshot as provisioned state (what the product did before). */
async function recordManaged(state: DynamoDbProvisionedStateRepository, snapshot: OrgSnapshot) {
  for (const a of snapshot.attachments) {
    if (a.managedBy?.length) {
      await state.recordApplied(a.targetId, {
        kind: 'attachment',
        policyId: a.policyId,
        ruleIds: [...a.managedBy].sort(),
        tagKeys: [],
      });
    }
  }
  for (const a of snapshot.assignments) {
    if (a.managedBy?.length) {
      const { permissionSetArn, principalType, principalId } = a;
      await state.recordApplied(a.accountId, {
        kind: 'assignment',
        permissionSetArn,
        principalType,
        principalId,
        ruleIds: [...a.managedBy].sort(),
        tagKeys: [],
      });
    }
  }
}

/**
 * A directory view (or snapshot) without its read time, its lists in name order: what the live
 * commands keep in the state table is the seeded snapshot's permission sets and principals.
 */
export function sortedView(view: DirectoryView | null): DirectoryView | null {
  const byName = <T extends { readonly name: string }>(items: readonly T[]) =>
    [...items].sort((a, b) => a.name.localeCompare(b.name));
  return (
    view && { permissionSets: byName(view.permissionSets), principals: byName(view.principals) }
  );
}

/**
 * examples/org.yaml seeded into a fresh moto account, its `managedBy` recorded in a fresh
 * DynamoDB Local namespace holding the rules, state and audit tables.
 */
export async function seedLiveOrg(): Promise<LiveOrg> {
  const moto = createMotoClients();
  const org = parseOrgSnapshot(readFileSync(example('org.yaml'), 'utf8'), 'org.yaml');
  const seeded = await seedSnapshot(moto, org);
  const namespace = `cli${randomBytes(6).toString('hex')}`;
  const dynamo = createDynamoDbClients(namespace);
  for (const [design, name] of [
    [RULES_TABLE, TABLES.rules],
    [PROVISIONED_STATE_TABLE, TABLES.state],
    [AUDIT_LOG_TABLE, TABLES.audit],
  ] as const) {
    await dynamo.dynamodb.send(new CreateTableCommand(createTableInput(design, name)));
  }
  const state = new DynamoDbProvisionedStateRepository(dynamo.documents, {
    tableName: TABLES.state,
  });
  await recordManaged(state, seeded.snapshot);
  const governance = readFileSync(example('governance.yaml'), 'utf8');
  const aws: AwsClientFactory = (connection) => {
    // The default credential chain reads these at the first call of this command run;
    // DynamoDB Local keeps one database per access key.
    process.env['AWS_ACCESS_KEY_ID'] = namespace;
    process.env['AWS_SECRET_ACCESS_KEY'] = 'testing';
    const clients = createAwsClients(connection);
    actAsMotoAccount(clients.organizations, moto.accountId);
    actAsMotoAccount(clients.ssoAdmin, moto.accountId);
    actAsMotoAccount(clients.identityStore, moto.accountId);
    actAsMotoAccount(clients.sqs, moto.accountId);
    return clients;
  };
  return {
    moto,
    seeded,
    config: translateConfig(parseGovernanceConfig(governance, 'governance.yaml'), seeded.ids),
    state,
    directoryViews: new DynamoDbDirectoryViewStore(dynamo.documents, { tableName: TABLES.state }),
    rules: new DynamoDbRulesRepository(dynamo.documents, { tableName: TABLES.rules }),
    aws,
    connectionArgs: [
      '--endpoint-url',
      emulatorEndpoint('moto'),
      '--dynamodb-endpoint-url',
      emulatorEndpoint('dynamodb'),
      '--region',
      'us-east-1',
      '--state-table',
      TABLES.state,
    ],
  };
}
