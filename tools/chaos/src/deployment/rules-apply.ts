/**
 * `orgctl rules apply` as the chaos run performs it: the pipeline's `applyRules` on the
 * production adapters (as the CLI wires them), its clients behind the chaos edge.
 */
import {
  DynamoDbAuditLog,
  DynamoDbDirectoryViewStore,
  DynamoDbProvisionedStateRepository,
  DynamoDbRulesRepository,
} from '@org/aws-adapters/dynamodb';
import { DirectoryAdapter } from '@org/aws-adapters/identitystore';
import { OrganizationsAdapter } from '@org/aws-adapters/organizations';
import { SqsOperationQueue } from '@org/aws-adapters/sqs';
import { IdentityCenterAdapter } from '@org/aws-adapters/sso-admin';
import type { ApplyRulesDependencies, Clock } from '@org/governance-runtime';
import type { ChaosEdge } from '../edge/chaos-edge';
import { SimulatedContainer } from '../edge/simulated-container';
import { CHAOS_NAMES } from './chaos-resources';
import { type EmulatorTarget, productClients } from './product-clients';

/** What `orgctl rules apply` talks to. */
export interface RulesApplyTarget {
  readonly target: EmulatorTarget;
  readonly edge: ChaosEdge;
  readonly clock: Clock;
  readonly operationsQueueUrl: string;
  readonly instance: { readonly instanceArn: string; readonly identityStoreId: string };
}

let runs = 0;

/**
 * The dependencies of one `orgctl rules apply` run, on fresh clients, including the directory
 * view the CLI keeps in the state table (dry runs are the engine's to skip).
 *
 * @example
 * ```ts
 * await applyRules(config, rulesApplyDependencies(target), { runId, updatedAt });
 * ```
 */
export function rulesApplyDependencies(apply: RulesApplyTarget): ApplyRulesDependencies {
  runs += 1;
  const clients = productClients(
    apply.target,
    apply.edge,
    new SimulatedContainer(`orgctl#${runs}`),
    'orgctl',
  );
  const documents = clients.documents;
  return {
    organizations: new OrganizationsAdapter(clients.organizations),
    identityCenter: new IdentityCenterAdapter(clients.ssoAdmin, { instance: apply.instance }),
    directory: new DirectoryAdapter(clients.identityStore, apply.instance.identityStoreId),
    provisionedState: new DynamoDbProvisionedStateRepository(documents, {
      tableName: CHAOS_NAMES.tables.state,
    }),
    // As the CLI: the view the org events processor plans with, kept in the state table.
    directoryViews: new DynamoDbDirectoryViewStore(documents, {
      tableName: CHAOS_NAMES.tables.state,
    }),
    queue: new SqsOperationQueue(clients.sqs, { queueUrl: apply.operationsQueueUrl }),
    audit: new DynamoDbAuditLog(documents, { tableName: CHAOS_NAMES.tables.audit }),
    clock: apply.clock,
    rulesRepository: new DynamoDbRulesRepository(documents, {
      tableName: CHAOS_NAMES.tables.rules,
    }),
  };
}
