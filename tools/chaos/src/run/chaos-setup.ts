/**
 * Sets a chaos run up: moto and DynamoDB Local on 127.0.0.1, the product's resources, the
 * starting organization seeded into moto (and the reference model), governance version 0 in the
 * rules table, the provisioned state of the items it already manages, the chaos edge, and the
 * environment the functions are deployed into. `close()` stops everything it started, by PID.
 */
import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DynamoDbAuditLog,
  DynamoDbProvisionedStateRepository,
  DynamoDbRulesRepository,
} from '@org/aws-adapters/dynamodb';
import {
  createMotoClients,
  type DynamoDbLocalServer,
  type MotoClients,
  type MotoServer,
  startDynamoDbLocal,
  startMoto,
} from '@org/emulators';
import { MemoryMetricsRecorder } from '@org/handlers';
import {
  type GovernanceConfig,
  InMemoryQuotaStore,
  type OrgSnapshot,
  tagKeysOf,
} from '@org/scope-engine';
import { seedSnapshot } from '@org/emulators';
import type { ChaosOptions } from '../cli/chaos-options';
import { ChaosClock } from '../clock/chaos-clock';
import {
  CHAOS_NAMES,
  type ChaosResources,
  createChaosResources,
  MAX_RECEIVE_COUNT,
} from '../deployment/chaos-resources';
import { EMULATOR_CREDENTIALS } from '../deployment/product-clients';
import type { ProductEnvironment } from '../deployment/product-functions';
import type { RulesApplyTarget } from '../deployment/rules-apply';
import {
  type ChaosWebhookReceiver,
  startChaosWebhookReceiver,
} from '../deployment/webhook-receiver';
import { AwsSemantics } from '../edge/aws-semantics';
import { ChaosEdge } from '../edge/chaos-edge';
import { EdgeLedger } from '../edge/edge-ledger';
import { FaultInjector } from '../edge/fault-injector';
import { IdentityCenterScript } from '../edge/identity-center-script';
import { ChaosSetupError } from '../errors';
import { ReferenceModel } from '../model/reference-model';
import { SeededRandom } from '../random/seeded-random';
import { ChaosWorld } from '../world/chaos-world';
import { governanceVersion, type RuleTargets } from '../world/governance-versions';
import { initialOrganization } from '../world/initial-organization';
import { WorldState } from '../world/world-state';
import { readMotoItems, type MotoReaders } from '../verify/moto-state';
import { stateDiff } from '../verify/state-diff';

/** The moto account acting as the management account. */
const MANAGEMENT_ACCOUNT_ID = '111122223333';
const WEBHOOK_SECRET = 'chaos-webhook-signing-secret';
/** The planners' rules cache (the handlers' default `RULES_CACHE_TTL_SECONDS`). */
export const RULES_CACHE_TTL_MS = 60_000;

/** Everything a run works with. */
export interface ChaosSetup {
  readonly options: ChaosOptions;
  readonly random: SeededRandom;
  readonly clock: ChaosClock;
  /** Fault-free clients of the harness (world changes, the event source, verification). */
  readonly moto: MotoClients;
  readonly documents: DynamoDBDocumentClient;
  readonly resources: ChaosResources;
  readonly world: ChaosWorld;
  readonly model: ReferenceModel;
  readonly targets: RuleTargets;
  readonly ledger: EdgeLedger;
  readonly script: IdentityCenterScript;
  readonly edge: ChaosEdge;
  readonly env: ProductEnvironment;
  /** Where `orgctl rules apply` runs. */
  readonly rulesApply: RulesApplyTarget;
  readonly webhook: ChaosWebhookReceiver;
  readonly readers: MotoReaders;
  /** Fault-free audit log reader. */
  readonly audit: DynamoDbAuditLog;
  /** Accounts, OUs and items seeded. */
  readonly seeded: OrgSnapshot;
  readonly initialConfig: GovernanceConfig;
  /** Stops the webhook receiver and the emulators. */
  close(): Promise<void>;
}

/** Starting accounts for a run of `events` events: about one per twelve events. */
export function startingAccounts(events: number): number {
  return Math.min(60, Math.max(8, Math.round(events / 12)));
}

async function startEmulators(): Promise<{ moto: MotoServer; dynamodb: DynamoDbLocalServer }> {
  const [moto, dynamodb] = await Promise.allSettled([startMoto(), startDynamoDbLocal()]);
  if (moto.status === 'fulfilled' && dynamodb.status === 'fulfilled') {
    return { moto: moto.value, dynamodb: dynamodb.value };
  }
  if (moto.status === 'fulfilled') await moto.value.stop();
  if (dynamodb.status === 'fulfilled') await dynamodb.value.stop();
  const reason =
    moto.status === 'rejected' ? moto.reason : (dynamodb as PromiseRejectedResult).reason;
  throw new ChaosSetupError(
    `could not start the emulators: ${reason instanceof Error ? reason.message : String(reason)}`,
    { cause: reason },
  );
}

/** Records the managed items of the seeded organization in the product's provisioned state. */
async function seedProvisionedState(
  repository: DynamoDbProvisionedStateRepository,
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
): Promise<void> {
  for (const a of snapshot.attachments) {
    const ruleIds = [...(a.managedBy ?? [])].sort();
    if (ruleIds.length > 0) {
      await repository.recordApplied(a.targetId, {
        kind: 'attachment',
        policyId: a.policyId,
        ruleIds,
        tagKeys: tagKeysOf(config, ruleIds),
      });
    }
  }
  for (const a of snapshot.assignments) {
    const ruleIds = [...(a.managedBy ?? [])].sort();
    if (ruleIds.length > 0) {
      const { permissionSetArn, principalType, principalId } = a;
      await repository.recordApplied(a.accountId, {
        kind: 'assignment',
        permissionSetArn,
        principalType,
        principalId,
        ruleIds,
        tagKeys: tagKeysOf(config, ruleIds),
      });
    }
  }
}

/**
 * Sets a run up.
 *
 * @throws {ChaosSetupError} when an emulator does not start or the seeded state is inconsistent.
 * @example
 * ```ts
 * const setup = await createChaosSetup(options);
 * try { … } finally { await setup.close(); }
 * ```
 */
export async function createChaosSetup(options: ChaosOptions): Promise<ChaosSetup> {
  const random = new SeededRandom(options.seed);
  const clock = new ChaosClock(options.timeScale, Date.parse('2026-11-01T00:00:00Z'));
  const emulators = await startEmulators();
  const stops: (() => Promise<void>)[] = [emulators.dynamodb.stop, emulators.moto.stop];
  const close = async () => {
    // The harness un-refs the emulator processes and its kill timer, so nothing would keep
    // Node running while it waits for them to exit.
    const keepAlive = setInterval(() => undefined, 1000);
    try {
      for (const stop of stops) await stop();
    } finally {
      clearInterval(keepAlive);
    }
  };
  try {
    const moto = createMotoClients(MANAGEMENT_ACCOUNT_ID, { endpoint: emulators.moto.endpoint });
    const dynamodb = new DynamoDBClient({
      endpoint: emulators.dynamodb.endpoint,
      region: 'us-east-1',
      credentials: EMULATOR_CREDENTIALS,
    });
    const documents = DynamoDBDocumentClient.from(dynamodb, {
      marshallOptions: { removeUndefinedValues: true },
    });
    const webhook = await startChaosWebhookReceiver(
      WEBHOOK_SECRET,
      options.faultRate,
      random.fork('webhook'),
    );
    stops.unshift(webhook.close);
    const resources = await createChaosResources(moto, dynamodb, WEBHOOK_SECRET);
    const initial = initialOrganization(
      random.fork('organization'),
      startingAccounts(options.events),
    );
    const seeded = await seedSnapshot(moto, initial);
    const organization = await moto.organizations.send(new DescribeOrganizationCommand({}));
    const state = WorldState.fromSnapshot(seeded.snapshot);
    const world = new ChaosWorld({
      clients: moto,
      state,
      random: random.fork('world'),
      clock,
      organizationId: organization.Organization?.Id ?? 'o-chaos0000',
      instanceArn: seeded.instanceArn,
    });
    const targets: RuleTargets = {
      ouId: (sourceId) => seeded.ids.get(sourceId),
      memberAccountIds: () => state.members().map((a) => a.id),
      managementAccountId: state.managementAccountId,
      webhookUrl: webhook.url,
      webhookSecretArn: resources.webhookSecretArn,
      notificationTopicArn: resources.notificationTopicArn,
    };
    const initialConfig = governanceVersion(0, random.fork('rules-0'), targets);
    const provisionedState = new DynamoDbProvisionedStateRepository(documents, {
      tableName: CHAOS_NAMES.stateTable,
    });
    await seedProvisionedState(provisionedState, seeded.snapshot, initialConfig);
    await new DynamoDbRulesRepository(documents, { tableName: CHAOS_NAMES.rulesTable }).save(
      initialConfig,
      0,
      new Date(clock.now()).toISOString(),
    );
    const model = await ReferenceModel.create(seeded.snapshot, initialConfig);
    const instance = { instanceArn: seeded.instanceArn, identityStoreId: seeded.identityStoreId };
    const readers: MotoReaders = {
      organizations: moto.organizations,
      ssoAdmin: moto.ssoAdmin,
      identityStore: moto.identityStore,
      instance,
      provisionedState,
    };
    const differences = stateDiff(
      { name: 'moto', snapshot: await readMotoItems(readers) },
      { name: 'model', snapshot: await model.items() },
    );
    if (differences.length > 0) {
      throw new ChaosSetupError(
        `the seeded organization and the reference model differ before the run:\n${differences.slice(0, 10).join('\n')}`,
      );
    }
    const ledger = new EdgeLedger();
    const script = new IdentityCenterScript(random.fork('identity-center'), options.faultRate);
    const edge = new ChaosEdge({
      faults: new FaultInjector({ rate: options.faultRate }, random.fork('faults')),
      script,
      semantics: new AwsSemantics(moto.organizations, moto.ssoAdmin, seeded.instanceArn),
      ledger,
      auditTable: CHAOS_NAMES.auditTable,
    });
    const target = {
      motoEndpoint: emulators.moto.endpoint,
      dynamodbEndpoint: emulators.dynamodb.endpoint,
      managementAccountId: MANAGEMENT_ACCOUNT_ID,
    };
    // The functions use the default credential chain, as in Lambda: the emulators' credentials.
    process.env['AWS_ACCESS_KEY_ID'] = EMULATOR_CREDENTIALS.accessKeyId;
    process.env['AWS_SECRET_ACCESS_KEY'] = EMULATOR_CREDENTIALS.secretAccessKey;
    delete process.env['AWS_SESSION_TOKEN'];
    delete process.env['AWS_PROFILE'];
    const env: ProductEnvironment = {
      variables: {
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL: emulators.moto.endpoint,
        RULES_TABLE: CHAOS_NAMES.rulesTable,
        STATE_TABLE: CHAOS_NAMES.stateTable,
        AUDIT_TABLE: CHAOS_NAMES.auditTable,
        IDEMPOTENCY_TABLE: CHAOS_NAMES.idempotencyTable,
        OPERATIONS_QUEUE_URL: resources.operationsQueueUrl,
        FAILURE_TOPIC_ARN: resources.failureTopicArn,
        SSO_INSTANCE_ARN: instance.instanceArn,
        IDENTITY_STORE_ID: instance.identityStoreId,
        RULES_CACHE_TTL_SECONDS: String(RULES_CACHE_TTL_MS / 1000),
        STATUS_FIRST_POLL_MS: '800',
        STATUS_WAIT_SECONDS: '10',
        OPERATIONS_MAX_RECEIVE_COUNT: String(MAX_RECEIVE_COUNT),
        POWERTOOLS_SERVICE_NAME: 'org-governance',
        POWERTOOLS_METRICS_NAMESPACE: 'OrgGovernance',
      },
      target,
      edge,
      clock,
      quotaStore: new InMemoryQuotaStore(),
      metrics: new MemoryMetricsRecorder(),
    };
    const rulesApply: RulesApplyTarget = {
      target,
      edge,
      clock,
      operationsQueueUrl: resources.operationsQueueUrl,
      instance,
    };
    return {
      options,
      random,
      clock,
      moto,
      documents,
      resources,
      world,
      model,
      targets,
      ledger,
      script,
      edge,
      env,
      rulesApply,
      webhook,
      readers,
      audit: new DynamoDbAuditLog(documents, { tableName: CHAOS_NAMES.auditTable }),
      seeded: seeded.snapshot,
      initialConfig,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
