import type { PolicyOperation } from '@org/scope-engine';
import { isRefusal } from '../ports/port-failure';
import { tagKeysOf } from '../rules/tag-keys';
import { callPort } from './call-port';
import type { ExecuteOperationDependencies } from './execute-dependencies';
import type { OperationResult } from './operation-result';

/**
 * Attaches or detaches one Organizations policy — of any type: `AttachPolicy`/`DetachPolicy` are
 * the same calls for SCPs, RCPs, tag, backup and every other policy type — and records it in the
 * provisioned state — an attach's before its request (its intent), a detach's after it.
 * Idempotent: an attachment that exists (or a detachment that already happened) is
 * `alreadyInState`.
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
    const config = await deps.rules.current();
    // The intent goes on record before the request, so an attach whose response (or the worker
    // itself) is lost after it took effect is still recognised as the product's, and a policy
    // found attached without a record is someone else's, left alone (see judgeOperation).
    await callPort(operation.type, () =>
      deps.provisionedState.recordApplied(accountId, {
        kind: 'attachment',
        policyId,
        policyType: operation.policyType,
        ruleIds: [...operation.ruleIds].sort(),
        tagKeys: tagKeysOf(config, operation.ruleIds),
      }),
    );
    try {
      const outcome = await callPort(operation.type, () =>
        deps.organizations.attachPolicy(policyId, accountId),
      );
      return { status: outcome === 'changed' ? 'applied' : 'alreadyInState', operation };
    } catch (error) {
      // Organizations refused it (a 4xx): nothing is attached — the level check found the policy
      // absent — so the record goes. After any other failure the attach may have taken effect.
      if (isRefusal(error)) {
        await deps.provisionedState.recordRemoved(accountId, { kind: 'attachment', policyId });
      }
      throw error;
    }
  }
  const outcome = await callPort(operation.type, () =>
    deps.organizations.detachPolicy(policyId, accountId),
  );
  await deps.provisionedState.recordRemoved(accountId, { kind: 'attachment', policyId });
  return { status: outcome === 'changed' ? 'applied' : 'alreadyInState', operation };
}
