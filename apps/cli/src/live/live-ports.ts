import {
  DynamoDbAuditLog,
  DynamoDbDirectoryViewStore,
  DynamoDbPauseSwitch,
  DynamoDbProvisionedStateRepository,
  DynamoDbRulesRepository,
} from '@org/aws-adapters/dynamodb';
import { DirectoryAdapter } from '@org/aws-adapters/identitystore';
import { OrganizationsAdapter } from '@org/aws-adapters/organizations';
import { OrganizationReadsAdapter } from '@org/aws-adapters/reconcile-runs';
import { SqsOperationQueue, SqsQueueAdmin } from '@org/aws-adapters/sqs';
import { IdentityCenterAdapter } from '@org/aws-adapters/sso-admin';
import { budgetRequests, hasRateBudget, organizationsBudget } from '@org/aws-adapters';
import {
  type AuditLog,
  type Clock,
  createServiceBudgets,
  type OperationQueue,
  type ServiceBudgets,
} from '@org/governance-runtime';
import {
  InMemoryAuditLog,
  InMemoryOperationQueue,
  InMemoryQuotaStore,
} from '@org/governance-runtime/in-process';
import type { DeployedGrants } from '@org/contracts';
import type { AwsClients } from './aws-clients';
import { readDeployedGrants } from './deployment-grants';
import type { LiveSettings } from './live-settings';

/** The machine's clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * The adapters of one live command run, over clients created once. The queue is SQS when a
 * queue URL is given, else an in-memory queue the command drains itself (direct execution).
 */
export interface LivePorts {
  readonly organizations: OrganizationsAdapter;
  /**
   * The sharded reconcile's Organizations reads (a page per call, attachments per policy), over
   * the same budgeted client.
   */
  readonly organizationReads: OrganizationReadsAdapter;
  readonly identityCenter: IdentityCenterAdapter;
  readonly directory: DirectoryAdapter;
  readonly provisionedState: DynamoDbProvisionedStateRepository;
  /**
   * The directory view in the provisioned-state table, as the deployed reconciler keeps it: the
   * org events processor plans with the permission sets and principals a live command read.
   */
  readonly directoryViews: DynamoDbDirectoryViewStore;
  readonly audit: AuditLog;
  readonly queue: OperationQueue;
  /** Set when operations stay in process (no queue URL): the command executes them. */
  readonly localQueue: InMemoryOperationQueue | null;
  readonly clock: Clock;
  /**
   * This run's own rate budgets at the published rates (Organizations 5 reads/s and 2 writes/s,
   * Identity Center 20 requests/s): every Organizations, SSO Admin and Identity Store request of
   * the run takes a token first. orgctl has no quota table option, so it does not share the
   * deployed functions' budgets.
   */
  readonly budgets: ServiceBudgets;
  /** The pause switch and the last reconcile run (control items of the state table). */
  readonly control: DynamoDbPauseSwitch;
  /** Queue depths and dead-letter redrives. */
  readonly queueAdmin: SqsQueueAdmin;
  rulesRepository(tableName: string): DynamoDbRulesRepository;
  /** What the deployed stack grants the rules stored in this table (its tags), or `null`. */
  deployedGrants(rulesTable: string): Promise<DeployedGrants | null>;
}

/** Budgets a client's requests (`budget`), unless an earlier run over it already did. */
function budgetOnce(
  client: { readonly middlewareStack: { identify(): string[] } },
  budget: () => void,
): void {
  if (!hasRateBudget(client)) budget();
}

/** Every Organizations, SSO Admin and Identity Store request of the run within `budgets`. */
function budgetClients(clients: AwsClients, budgets: ServiceBudgets): void {
  const { organizations, ssoAdmin, identityStore } = clients;
  budgetOnce(organizations, () => budgetRequests(organizations, organizationsBudget(budgets)));
  budgetOnce(ssoAdmin, () => budgetRequests(ssoAdmin, () => budgets.identityCenter));
  budgetOnce(identityStore, () => budgetRequests(identityStore, () => budgets.identityCenter));
}

/**
 * Wires the adapters for `settings`.
 *
 * @example
 * ```ts
 * const ports = createLivePorts(createAwsClients(settings.connection), settings);
 * const structure = await ports.organizations.readSnapshotStructure();
 * ```
 */
export function createLivePorts(clients: AwsClients, settings: LiveSettings): LivePorts {
  const budgets = createServiceBudgets(new InMemoryQuotaStore(), systemClock);
  budgetClients(clients, budgets);
  const identityCenter = new IdentityCenterAdapter(clients.ssoAdmin);
  const localQueue = settings.queueUrl === undefined ? new InMemoryOperationQueue() : null;
  return {
    organizations: new OrganizationsAdapter(clients.organizations),
    organizationReads: new OrganizationReadsAdapter(clients.organizations),
    identityCenter,
    directory: new DirectoryAdapter(
      clients.identityStore,
      async () => (await identityCenter.describeInstance()).identityStoreId,
    ),
    provisionedState: new DynamoDbProvisionedStateRepository(clients.documents, {
      tableName: settings.stateTable,
    }),
    directoryViews: new DynamoDbDirectoryViewStore(clients.documents, {
      tableName: settings.stateTable,
    }),
    audit:
      settings.auditTable === undefined
        ? new InMemoryAuditLog()
        : new DynamoDbAuditLog(clients.documents, { tableName: settings.auditTable }),
    queue: localQueue ?? new SqsOperationQueue(clients.sqs, { queueUrl: settings.queueUrl ?? '' }),
    localQueue,
    clock: systemClock,
    budgets,
    control: new DynamoDbPauseSwitch(clients.documents, { tableName: settings.stateTable }),
    queueAdmin: new SqsQueueAdmin(clients.sqs),
    rulesRepository: (tableName) => new DynamoDbRulesRepository(clients.documents, { tableName }),
    deployedGrants: (rulesTable) => readDeployedGrants(clients.dynamodb, rulesTable),
  };
}
