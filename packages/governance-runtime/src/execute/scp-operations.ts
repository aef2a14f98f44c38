import type { AttachScpOperation, DetachScpOperation } from '@org/scope-engine';
import { tagKeysOf } from '../rules/tag-keys';
import { callPort } from './call-port';
import type { ExecuteOperationDependencies } from './execute-dependencies';
import type { OperationResult } from './operation-result';

/**
 * Attaches or detaches one SCP and records it in the provisioned state. Idempotent: an
 * attachment that exists (or a detachment that already happened) is `alreadyInState`.
 *
 * @example
 * ```ts
 * await executeScpOperation({ type: 'attachScp', accountId, policyId, ruleIds }, deps);
 * ```
 */
export async function executeScpOperation(
  operation: AttachScpOperation | DetachScpOperation,
  deps: ExecuteOperationDependencies,
): Promise<OperationResult> {
  const { accountId, policyId } = operation;
  if (operation.type === 'attachScp') {
    const outcome = await callPort(operation.type, () =>
      deps.organizations.attachPolicy(policyId, accountId),
    );
    const config = await deps.rules.current();
    await deps.provisionedState.recordApplied(accountId, {
      kind: 'attachment',
      policyId,
      ruleIds: [...operation.ruleIds].sort(),
      tagKeys: tagKeysOf(config, operation.ruleIds),
    });
    return { status: outcome === 'changed' ? 'applied' : 'alreadyInState', operation };
  }
  const outcome = await callPort(operation.type, () =>
    deps.organizations.detachPolicy(policyId, accountId),
  );
  await deps.provisionedState.recordRemoved(accountId, { kind: 'attachment', policyId });
  return { status: outcome === 'changed' ? 'applied' : 'alreadyInState', operation };
}
