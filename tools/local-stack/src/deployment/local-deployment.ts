import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DynamoDbAuditLog,
  DynamoDbProvisionedStateRepository,
  DynamoDbRulesRepository,
} from '@org/aws-adapters/dynamodb';
import {
  actAsMotoAccount,
  createMotoClients,
  type IdMap,
  type MotoClients,
  randomAccountId,
  type SeededSnapshot,
  seedSnapshot,
  translateConfig,
} from '@org/emulators';
import { HANDLER_ENV } from '@org/contracts';
import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import {
  type ClientCustomizer,
  createLogger,
  createNotifierDependencies,
  createOperationsWorkerHandler,
  createOrgEventsProcessorHandler,
  createProcessorDependencies,
  createReconcilerDependencies,
  createReconcilerHandler,
  createVendingNotifierHandler,
  createWorkerDependencies,
  type LogLevel,
  MemoryMetricsRecorder,
  type OperationsWorkerHandler,
  type OrgEventsProcessorHandler,
  type ReconcilerHandler,
  type VendingNotifierHandler,
} from '@org/handlers';
import { useEmulatorCredentials } from './emulator-credentials';
import { createLocalResources, LOCAL_NAMES, type LocalResources } from './local-resources';
import { localizeNotifications } from './localize-config';
import { seedProvisionedState } from './seed-provisioned-state';
import { storeDirectoryView } from './store-directory-view';
import { startWebhookReceiver, type WebhookReceiver } from '../runtime/webhook-receiver';

/** Options of {@link createLocalDeployment}. */
export interface LocalDeploymentOptions {
  /** The moto endpoint. */
  readonly endpoint: string;
  /** The organization to seed (e.g. examples/org.yaml). */
  readonly snapshot: OrgSnapshot;
  /** The governance configuration to store in the rules table (e.g. examples/governance.yaml). */
  readonly config: GovernanceConfig;
  /** The moto account acting as the management account. @default a random one */
  readonly accountId?: string;
  /** Log level of the handlers. @default WARN */
  readonly logLevel?: LogLevel;
  /** Also run on the handlers' AWS clients (e.g. to inject faults at the adapter edge). */
  readonly customizeClient?: ClientCustomizer;
}

/** The four functions, created from the environment exactly as in Lambda. */
export interface LocalHandlers {
  readonly processor: OrgEventsProcessorHandler;
  readonly worker: OperationsWorkerHandler;
  readonly notifier: VendingNotifierHandler;
  readonly reconciler: ReconcilerHandler;
}

/** A deployment of the product against moto. */
export interface LocalDeployment {
  readonly accountId: string;
  readonly moto: MotoClients;
  readonly documents: DynamoDBDocumentClient;
  readonly resources: LocalResources;
  readonly seeded: SeededSnapshot;
  /** Source id (org.yaml) → moto id; extend it when the scenario creates resources. */
  readonly ids: IdMap;
  /** The stored configuration (moto ids, local notification targets). */
  readonly config: GovernanceConfig;
  /** The functions' environment (what the construct would set). */
  readonly env: Readonly<Record<string, string>>;
  readonly handlers: LocalHandlers;
  /** Every metric the functions emitted. */
  readonly metrics: MemoryMetricsRecorder;
  readonly webhook: WebhookReceiver;
  readonly provisionedState: DynamoDbProvisionedStateRepository;
  readonly audit: DynamoDbAuditLog;
  /** Items recorded in the provisioned state from the snapshot's `managedBy`. */
  readonly provisionedItems: number;
  /** Makes a client act as the deployment's moto account (no injected faults). */
  readonly accountClientCustomizer: ClientCustomizer;
  /** Stops the webhook receiver (moto belongs to the caller). */
  close(): Promise<void>;
}

/** The shared secret of the local webhook receiver. */
const WEBHOOK_SECRET = 'local-webhook-signing-secret';

/**
 * Deploys the product against moto: the construct's resources (tables, FIFO queue + DLQ,
 * failure topic, webhook secret), the organization and Identity Center seeded from a snapshot,
 * the provisioned state from its `managedBy`, the rules stored in the rules table and the
 * directory view `orgctl rules apply` keeps — then the four real handlers wired from the
 * environment the construct would give them, their AWS clients acting as the moto account.
 *
 * @example
 * ```ts
 * const deployment = await createLocalDeployment({ endpoint: moto.endpoint, snapshot, config });
 * await deployment.handlers.processor(translateEvent(raw, deployment.ids), context);
 * ```
 */
export async function createLocalDeployment(
  options: LocalDeploymentOptions,
): Promise<LocalDeployment> {
  useEmulatorCredentials(process.env);
  const accountId = options.accountId ?? randomAccountId();
  const moto = createMotoClients(accountId, { endpoint: options.endpoint });
  const asAccount: ClientCustomizer = (client) => actAsMotoAccount(client, accountId);
  const customizeClient: ClientCustomizer = (client) => {
    asAccount(client);
    options.customizeClient?.(client);
  };
  const dynamodb = new DynamoDBClient({
    endpoint: options.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  asAccount(dynamodb);
  const documents = DynamoDBDocumentClient.from(dynamodb, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const webhook = await startWebhookReceiver(WEBHOOK_SECRET);
  try {
    const resources = await createLocalResources(moto, dynamodb, WEBHOOK_SECRET);
    const seeded = await seedSnapshot(moto, options.snapshot);
    const config = await localizeNotifications(translateConfig(options.config, seeded.ids), moto, {
      webhookUrl: webhook.url,
      webhookSecretArn: resources.webhookSecretArn,
    });
    const provisionedState = new DynamoDbProvisionedStateRepository(documents, {
      tableName: LOCAL_NAMES.stateTable,
    });
    const provisionedItems = await seedProvisionedState(
      provisionedState,
      options.snapshot,
      options.config,
      seeded.ids,
    );
    await new DynamoDbRulesRepository(documents, { tableName: LOCAL_NAMES.rulesTable }).save(
      config,
      0,
      new Date().toISOString(),
    );
    const env = {
      [HANDLER_ENV.region]: 'us-east-1',
      [HANDLER_ENV.endpointUrl]: options.endpoint,
      [HANDLER_ENV.rulesTable]: LOCAL_NAMES.rulesTable,
      [HANDLER_ENV.stateTable]: LOCAL_NAMES.stateTable,
      [HANDLER_ENV.auditTable]: LOCAL_NAMES.auditTable,
      [HANDLER_ENV.idempotencyTable]: LOCAL_NAMES.idempotencyTable,
      [HANDLER_ENV.operationsQueueUrl]: resources.operationsQueueUrl,
      [HANDLER_ENV.failureTopicArn]: resources.failureTopicArn,
      [HANDLER_ENV.ssoInstanceArn]: seeded.instanceArn,
      [HANDLER_ENV.identityStoreId]: seeded.identityStoreId,
      [HANDLER_ENV.rulesCacheTtlSeconds]: '0',
      [HANDLER_ENV.statusFirstPollMs]: '100',
      [HANDLER_ENV.statusWaitSeconds]: '5',
      [HANDLER_ENV.operationsMaxReceiveCount]: '5',
    };
    // As `orgctl rules apply` does after a deploy: the processor plans with this view.
    await storeDirectoryView(env, config, asAccount);
    const metrics = new MemoryMetricsRecorder();
    const wiring = (name: string) => ({
      observability: { logger: createLogger(name, env, options.logLevel ?? 'WARN'), metrics },
      customizeClient,
    });
    const handlers: LocalHandlers = {
      processor: createOrgEventsProcessorHandler(
        createProcessorDependencies(env, wiring('org-events-processor')),
      ),
      worker: createOperationsWorkerHandler(
        createWorkerDependencies(env, wiring('operations-worker')),
      ),
      notifier: createVendingNotifierHandler(
        createNotifierDependencies(env, wiring('vending-notifier')),
      ),
      reconciler: createReconcilerHandler(createReconcilerDependencies(env, wiring('reconciler'))),
    };
    return {
      accountId,
      moto,
      documents,
      resources,
      seeded,
      ids: seeded.ids,
      config,
      env,
      handlers,
      metrics,
      webhook,
      provisionedState,
      audit: new DynamoDbAuditLog(documents, { tableName: LOCAL_NAMES.auditTable }),
      provisionedItems,
      accountClientCustomizer: asAccount,
      close: () => webhook.close(),
    };
  } catch (error) {
    await webhook.close();
    throw error;
  }
}
