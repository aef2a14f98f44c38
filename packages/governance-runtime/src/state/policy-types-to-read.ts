import {
  POLICY_TYPES,
  policyTypesOf,
  SERVICE_CONTROL_POLICY,
  type GovernanceConfig,
  type PolicyType,
} from '@org/scope-engine';
import type { ProvisionedAccountState } from '../ports/provisioned-state-repository';

/**
 * The policy types of the attachments the product provisioned (an attachment recorded without a
 * type is an SCP attachment), in {@link POLICY_TYPES} order.
 *
 * @example
 * ```ts
 * provisionedPolicyTypes([await state.getAccount('222222222222')]); // ['RESOURCE_CONTROL_POLICY']
 * ```
 */
export function provisionedPolicyTypes(
  provisioned: readonly ProvisionedAccountState[],
): PolicyType[] {
  const found = new Set<PolicyType>();
  for (const state of provisioned) {
    for (const item of state.items) {
      if (item.kind === 'attachment') found.add(item.policyType ?? SERVICE_CONTROL_POLICY);
    }
  }
  return POLICY_TYPES.filter((type) => found.has(type));
}

/**
 * The policy types a reader must read: those the rules use ({@link policyTypesOf}, SCPs always)
 * and those of the attachments the product provisioned — so that removing the last rule of a type
 * still reads that type and its managed attachments are detached.
 *
 * @example
 * ```ts
 * policyTypesToRead(config, [await state.getAccount(accountId)]);
 * // ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'] with an RCP attachment recorded and no RCP rule left
 * ```
 */
export function policyTypesToRead(
  config: Pick<GovernanceConfig, 'policyRules'>,
  provisioned: readonly ProvisionedAccountState[],
): PolicyType[] {
  const wanted = new Set<PolicyType>([
    ...policyTypesOf(config),
    ...provisionedPolicyTypes(provisioned),
  ]);
  return POLICY_TYPES.filter((type) => wanted.has(type));
}
