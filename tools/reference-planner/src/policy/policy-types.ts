/**
 * Organizations policy types as the reference planner knows them, written from the product
 * specification: every type string, the slots one target has for each by default, the type's
 * AWS-managed default policy.
 */

/** The policy types Organizations accepts. */
export type RefPolicyType =
  | 'SERVICE_CONTROL_POLICY'
  | 'RESOURCE_CONTROL_POLICY'
  | 'DECLARATIVE_POLICY_EC2'
  | 'BACKUP_POLICY'
  | 'TAG_POLICY'
  | 'CHATBOT_POLICY'
  | 'AISERVICES_OPT_OUT_POLICY'
  | 'SECURITYHUB_POLICY'
  | 'SECURITYHUB_CSPM_POLICY'
  | 'INSPECTOR_POLICY'
  | 'BEDROCK_POLICY'
  | 'GUARDDUTY_POLICY'
  | 'S3_POLICY'
  | 'NETWORK_SECURITY_DIRECTOR_POLICY'
  | 'UPGRADE_ROLLOUT_POLICY';

/** The type of a policy, rule or snapshot that names none (the v1 forms). */
export const SCP: RefPolicyType = 'SERVICE_CONTROL_POLICY';

/** Types with 5 slots per target; every other type has 10 (SCPs since 2026-05). */
const FIVE_SLOTS: ReadonlySet<RefPolicyType> = new Set([
  'RESOURCE_CONTROL_POLICY',
  'CHATBOT_POLICY',
  'AISERVICES_OPT_OUT_POLICY',
]);

/**
 * How many policies of `type` one account may have directly attached: the configured
 * `maxPoliciesPerTarget`, else `maxScpsPerTarget` for SCPs, else AWS's default.
 *
 * @example
 * ```ts
 * slotLimit('RESOURCE_CONTROL_POLICY', { maxScpsPerTarget: 10 }); // 5
 * ```
 */
export function slotLimit(
  type: RefPolicyType,
  settings: {
    readonly maxScpsPerTarget: number;
    readonly maxPoliciesPerTarget?: Readonly<Partial<Record<string, number>>>;
  },
): number {
  const configured = settings.maxPoliciesPerTarget?.[type];
  if (configured !== undefined) return configured;
  if (type === SCP) return settings.maxScpsPerTarget;
  return FIVE_SLOTS.has(type) ? 5 : 10;
}

/** The default policies, by type: attached everywhere by AWS, use a slot, never detached. */
const DEFAULTS: readonly { readonly type: RefPolicyType; readonly name: string }[] = [
  { type: 'SERVICE_CONTROL_POLICY', name: 'FullAWSAccess' },
  { type: 'RESOURCE_CONTROL_POLICY', name: 'RCPFullAWSAccess' },
];

/** `true` for a type's default policy, by its well-known id (`p-<name>`) or its name and type. */
export function isDefaultOfItsType(
  policyId: string,
  policy: { readonly name: string; readonly type: RefPolicyType } | undefined,
): boolean {
  return DEFAULTS.some(
    (d) =>
      policyId === `p-${d.name}` ||
      (policy !== undefined && policy.name === d.name && policy.type === d.type),
  );
}
