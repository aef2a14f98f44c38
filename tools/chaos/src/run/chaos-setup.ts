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
import { createMotoClients, type MotoClients } from '@org/emulators';
import { MemoryMetricsRecorder } from '@org/handlers';
import { type GovernanceConfig, type OrgSnapshot } from '@org/scope-engine';
import { InMemoryQuotaStore } from '@org/governance-runtime/testing';
import { seedSnapshot } from '@org/emulators';
import type { ChaosOptions } from '../cli/chaos-options';
import { ChaosClock } from '../clock/chaos-clock';
import {
  CHAOS_NAMES,
  type ChaosResources,
  createChaosResources,
} from '../deployment/chaos-resources';
import { EMULATOR_CREDENTIALS } from '../deployment/product-clients';
import { seedProvisionedState, useEmulatorCredentials } from '@org/local-stack';
import { functionVariables } from '../deployment/function-variables';
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
import { FifoDeduplication } from '../edge/fifo-deduplication';
import { MessageVisibility } from '../edge/message-visibility';
import { IdentityCenterScript } from '../edge/identity-center-script';
import { ChaosSetupError } from '../errors';
import { ReferenceModel } from '../model/reference-model';
import { startEmulators } from './start-emulators';
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
  /** SQS FIFO deduplication of sent ids, as AWS applies it (at the edge, and to forged sends). */
  readonly fifo: FifoDeduplication;
  /** The visibility the worker set on received messages (the queue driver honours it). */
  readonly visibility: MessageVisibility;
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
      tableName: CHAOS_NAMES.tables.state,
    });
    await seedProvisionedState(provisionedState, seeded.snapshot, initialConfig);
    await new DynamoDbRulesRepository(documents, { tableName: CHAOS_NAMES.tables.rules }).save(
      initialConfig,
      0,
      new Date(clock.now()).toISOString(),
    );
    const model = ReferenceModel.create(seeded.snapshot, initialConfig);
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
      { name: 'model', snapshot: model.items() },
    );
    if (differences.length > 0) {
      throw new ChaosSetupError(
        `the seeded organization and the reference model differ before the run:\n${differences.slice(0, 10).join('\n')}`,
      );
    }
    const ledger = new EdgeLedger();
    const script = new IdentityCenterScript(random.fork('identity-center'), options.faultRate);
    const fifo = new FifoDeduplication(clock);
    const visibility = new MessageVisibility();
    const edge = new ChaosEdge({
      faults: new FaultInjector({ rate: options.faultRate }, random.fork('faults')),
      script,
      semantics: new AwsSemantics(moto.organizations, moto.ssoAdmin, seeded.instanceArn),
      ledger,
      fifo,
      visibility,
      auditTable: CHAOS_NAMES.tables.audit,
    });
    const target = {
      motoEndpoint: emulators.moto.endpoint,
      dynamodbEndpoint: emulators.dynamodb.endpoint,
      managementAccountId: MANAGEMENT_ACCOUNT_ID,
    };
    // The functions use the default credential chain, as in Lambda: the emulators' credentials.
    useEmulatorCredentials(process.env);
    const env: ProductEnvironment = {
      environments: functionVariables(emulators.moto.endpoint, resources, instance),
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
      fifo,
      visibility,
      env,
      rulesApply,
      webhook,
      readers,
      audit: new DynamoDbAuditLog(documents, { tableName: CHAOS_NAMES.tables.audit }),
      seeded: seeded.snapshot,
      initialConfig,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
