/**
 * The provisioned state of a seeded organization: what its `managedBy` says the product made.
 */
import { type GovernanceConfig, type OrgSnapshot } from '@org/scope-engine';
import { type ProvisionedStateRepository, tagKeysOf } from '@org/governance-runtime';

/**
 * Records every attachment and assignment with a `managedBy` as provisioned by those rules.
 *
 * @example
 * ```ts
 * await recordManagedItems(new InMemoryProvisionedState(), seeded.snapshot, config);
 * ```
 */
export async function recordManagedItems(
  repository: Pick<ProvisionedStateRepository, 'recordApplied'>,
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
): Promise<void> {
  for (const a of snapshot.attachments) {
    const ruleIds = [...(a.managedBy ?? [])].sort();
    if (ruleIds.length === 0) continue;
    await repository.recordApplied(a.targetId, {
      kind: 'attachment',
      policyId: a.policyId,
      policyType:
        snapshot.policies.find((p) => p.id === a.policyId)?.type ?? 'SERVICE_CONTROL_POLICY',
      ruleIds,
      tagKeys: tagKeysOf(config, ruleIds),
    });
  }
  for (const a of snapshot.assignments) {
    const ruleIds = [...(a.managedBy ?? [])].sort();
    if (ruleIds.length === 0) continue;
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
