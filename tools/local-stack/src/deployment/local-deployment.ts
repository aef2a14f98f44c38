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
import type { HandlerFunctionName } from '@org/contracts';
import { InMemoryQuotaStore } from '@org/governance-runtime/in-process';
import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import {
  type ClientCustomizer,
  createLogger,
  type LogLevel,
  MemoryMetricsRecorder,
} from '@org/handlers';
import { createHandler, type HandlerOf } from './create-handler';
import { useEmulatorCredentials } from './emulator-credentials';
import { type FunctionEnvironments, functionEnvironments } from './function-environment';
import { createLocalResources, LOCAL_NAMES, type LocalResources } from './local-resources';
import { localizeNotifications } from './localize-config';
import { seedProvisionedState } from './seed-provisioned-state';
import { storeDirectoryView } from './store-directory-view';
import {
  LOCAL_WEBHOOK_DELIVERY,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../runtime/webhook-receiver';

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
  readonly processor: HandlerOf['org-events-processor'];
  readonly worker: HandlerOf['operations-worker'];
  readonly notifier: HandlerOf['vending-notifier'];
  readonly reconciler: HandlerOf['reconciler'];
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
  /** Each function's environment (what the construct would set, `HANDLER_ENV`). */
  readonly environments: FunctionEnvironments;
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
      tableName: LOCAL_NAMES.tables.state,
    });
    const provisionedItems = await seedProvisionedState(
      provisionedState,
      options.snapshot,
      options.config,
      seeded.ids,
    );
    await new DynamoDbRulesRepository(documents, { tableName: LOCAL_NAMES.tables.rules }).save(
      config,
      0,
      new Date().toISOString(),
    );
    const environments = functionEnvironments({
      endpoint: options.endpoint,
      names: LOCAL_NAMES,
      resources,
      instance: seeded,
      settings: {
        rulesCacheTtlSeconds: '0',
        statusFirstPollMs: '100',
        statusWaitSeconds: '5',
      },
    });
    // As `orgctl rules apply` does after a deploy: the processor plans with this view.
    await storeDirectoryView(environments.reconciler, config, asAccount);
    const metrics = new MemoryMetricsRecorder();
    // The rate budgets every local function shares (one process: one store, as DynamoDB is one
    // store for every deployed function).
    const quotaStore = new InMemoryQuotaStore();
    const wiring = (name: HandlerFunctionName) => ({
      observability: {
        logger: createLogger(name, environments[name], options.logLevel ?? 'WARN'),
        metrics,
      },
      quotaStore,
      customizeClient,
      webhook: LOCAL_WEBHOOK_DELIVERY,
    });
    const handlers: LocalHandlers = {
      processor: createHandler(
        'org-events-processor',
        environments['org-events-processor'],
        wiring('org-events-processor'),
      ),
      worker: createHandler(
        'operations-worker',
        environments['operations-worker'],
        wiring('operations-worker'),
      ),
      notifier: createHandler(
        'vending-notifier',
        environments['vending-notifier'],
        wiring('vending-notifier'),
      ),
      reconciler: createHandler('reconciler', environments.reconciler, wiring('reconciler')),
    };
    return {
      accountId,
      moto,
      documents,
      resources,
      seeded,
      ids: seeded.ids,
      config,
      environments,
      handlers,
      metrics,
      webhook,
      provisionedState,
      audit: new DynamoDbAuditLog(documents, { tableName: LOCAL_NAMES.tables.audit }),
      provisionedItems,
      accountClientCustomizer: asAccount,
      close: () => webhook.close(),
    };
  } catch (error) {
    await webhook.close();
    throw error;
  }
}
