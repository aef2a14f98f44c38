import type { PolicyOperation } from '@org/scope-engine';
import { tagKeysOf } from '../rules/tag-keys';
import { callPort } from './call-port';
import type { ExecuteOperationDependencies } from './execute-dependencies';
import type { OperationResult } from './operation-result';

/**
 * Attaches or detaches one Organizations policy — of any type: `AttachPolicy`/`DetachPolicy` are
 * the same calls for SCPs, RCPs, tag, backup and every other policy type — and records it in the
 * provisioned state. Idempotent: an attachment that exists (or a detachment that already
 * happened) is `alreadyInState`.
 *
 * @example
 * ```ts
 * await executePolicyOperation(
 *   { type: 'attachPolicy', policyType: 'RESOURCE_CONTROL_POLICY', accountId, policyId, ruleIds },
 *   deps,
 * );
 * ```
 */
export async function executePolicyOperation(
  operation: PolicyOperation,
  deps: ExecuteOperationDependencies,
): Promise<OperationResult> {
  const { accountId, policyId } = operation;
  if (operation.type === 'attachPolicy') {
    const outcome = await callPort(operation.type, () =>
      deps.organizations.attachPolicy(policyId, accountId),
    );
    const config = await deps.rules.current();
    await deps.provisionedState.recordApplied(accountId, {
      kind: 'attachment',
      policyId,
      policyType: operation.policyType,
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
