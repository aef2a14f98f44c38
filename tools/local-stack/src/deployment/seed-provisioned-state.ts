import type { IdMap } from '@org/emulators';
import { type OrgSnapshot, type GovernanceConfig } from '@org/scope-engine';
import { type ProvisionedStateRepository, tagKeysOf } from '@org/governance-runtime';

/** The ids of a snapshot that already holds the emulator's ids (each id is itself). */
const SAME_IDS: Pick<IdMap, 'get'> = { get: (id) => id };

/**
 * Records, in the provisioned-state table, the items an org snapshot marks as created by the
 * product (`managedBy`) — attachments to accounts and assignments — with the emulator's ids: what
 * the deployed system would have recorded when it created them. Returns how many it recorded.
 *
 * @param ids - source id → emulator id; omitted when `snapshot` already holds the emulator's ids
 * @example
 * ```ts
 * await seedProvisionedState(state, snapshot, config, seeded.ids);
 * await seedProvisionedState(state, seeded.snapshot, config);
 * ```
 */
export async function seedProvisionedState(
  state: Pick<ProvisionedStateRepository, 'recordApplied'>,
  snapshot: OrgSnapshot,
  config: GovernanceConfig,
  ids: Pick<IdMap, 'get'> = SAME_IDS,
): Promise<number> {
  let recorded = 0;
  const accountIds = new Set(snapshot.accounts.map((account) => account.id));
  for (const attachment of snapshot.attachments) {
    const ruleIds = attachment.managedBy ?? [];
    if (ruleIds.length === 0 || !accountIds.has(attachment.targetId)) continue;
    await state.recordApplied(ids.get(attachment.targetId), {
      kind: 'attachment',
      policyId: ids.get(attachment.policyId),
      policyType:
        snapshot.policies.find((p) => p.id === attachment.policyId)?.type ??
        'SERVICE_CONTROL_POLICY',
      ruleIds: [...ruleIds].sort(),
      tagKeys: tagKeysOf(config, ruleIds),
    });
    recorded += 1;
  }
  for (const assignment of snapshot.assignments) {
    const ruleIds = assignment.managedBy ?? [];
    if (ruleIds.length === 0) continue;
    await state.recordApplied(ids.get(assignment.accountId), {
      kind: 'assignment',
      permissionSetArn: ids.get(assignment.permissionSetArn),
      principalType: assignment.principalType,
      principalId: ids.get(assignment.principalId),
      ruleIds: [...ruleIds].sort(),
      tagKeys: tagKeysOf(config, ruleIds),
    });
    recorded += 1;
  }
  return recorded;
}
