import type { GovernanceConfig } from '@org/scope-engine';
import type { StoredDirectoryView } from '@org/governance-runtime';
import { readDirectoryView } from '@org/governance-runtime';
import {
  type ClientCustomizer,
  directoryAdapter,
  directoryViewStore,
  documentClient,
  identityCenterAdapter,
  identityCenterTarget,
  readReconcilerConfig,
} from '@org/handlers';
import type { Environment } from '@org/contracts';

/**
 * Reads the directory view of `config` from Identity Center and stores it where the processor
 * reads it — what `orgctl rules apply` does after a deploy (and every reconcile afterwards).
 *
 * @example
 * ```ts
 * await storeDirectoryView(deployment.environments.reconciler, deployment.config, deployment.accountClientCustomizer);
 * ```
 */
export async function storeDirectoryView(
  env: Environment,
  config: GovernanceConfig,
  customizeClient: ClientCustomizer,
): Promise<StoredDirectoryView> {
  const handlerConfig = readReconcilerConfig(env);
  const target = { config: handlerConfig, functionName: 'local-deployment', customizeClient };
  const asAdministrator = identityCenterTarget(target);
  const identityCenter = identityCenterAdapter(asAdministrator);
  const view = await readDirectoryView(
    config,
    identityCenter,
    directoryAdapter(asAdministrator, identityCenter),
  );
  const stored = { ...view, readAt: new Date().toISOString() };
  await directoryViewStore(documentClient(target), handlerConfig).save(stored);
  return stored;
}
