/**
 * Every Organizations policy type the product can attach, with what AWS does by default for each:
 * how many policies of the type one target may have directly attached, and the AWS-managed policy
 * of the type that is attached everywhere and must never be detached.
 */

/** Every policy type string Organizations accepts (`AttachPolicy` works the same for all). */
export const POLICY_TYPES = [
  'SERVICE_CONTROL_POLICY',
  'RESOURCE_CONTROL_POLICY',
  'DECLARATIVE_POLICY_EC2',
  'BACKUP_POLICY',
  'TAG_POLICY',
  'CHATBOT_POLICY',
  'AISERVICES_OPT_OUT_POLICY',
  'SECURITYHUB_POLICY',
  'SECURITYHUB_CSPM_POLICY',
  'INSPECTOR_POLICY',
  'BEDROCK_POLICY',
  'GUARDDUTY_POLICY',
  'S3_POLICY',
  'NETWORK_SECURITY_DIRECTOR_POLICY',
  'UPGRADE_ROLLOUT_POLICY',
] as const;

/** An Organizations policy type. */
export type PolicyType = (typeof POLICY_TYPES)[number];

/** The type of a policy whose type is not given (snapshots and rules of the v1 form). */
export const SERVICE_CONTROL_POLICY: PolicyType = 'SERVICE_CONTROL_POLICY';

const KNOWN = new Set<string>(POLICY_TYPES);

/** `true` when `value` is a policy type Organizations accepts. */
export function isPolicyType(value: unknown): value is PolicyType {
  return typeof value === 'string' && KNOWN.has(value);
}

/**
 * AWS's default number of policies of each type one root, OU or account may have directly
 * attached. Each is configurable (`settings.maxPoliciesPerTarget`).
 *
 * Sources: the "Maximum number you can attach to a root, OU, or account" column of
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies.html and the
 * quotas page https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html
 * — AI-services opt-out 5, backup 10, tag 10; SCPs 10 since 2026-05 (the table said 5 before),
 * RCPs 5, chatbot 5, declarative and Security Hub 10. The types AWS added later (Security Hub
 * CSPM, Inspector, Bedrock, GuardDuty, S3, Network Security Director, upgrade rollout) have no
 * published figure we could read: they are assumed to follow the management-policy default, 10.
 */
export const DEFAULT_POLICY_SLOTS: Readonly<Record<PolicyType, number>> = {
  SERVICE_CONTROL_POLICY: 10,
  RESOURCE_CONTROL_POLICY: 5,
  DECLARATIVE_POLICY_EC2: 10,
  BACKUP_POLICY: 10,
  TAG_POLICY: 10,
  CHATBOT_POLICY: 5,
  AISERVICES_OPT_OUT_POLICY: 5,
  SECURITYHUB_POLICY: 10,
  SECURITYHUB_CSPM_POLICY: 10,
  INSPECTOR_POLICY: 10,
  BEDROCK_POLICY: 10,
  GUARDDUTY_POLICY: 10,
  S3_POLICY: 10,
  NETWORK_SECURITY_DIRECTOR_POLICY: 10,
  UPGRADE_ROLLOUT_POLICY: 10,
};

/** An AWS-managed default policy: attached to every target, uses a slot, never detached. */
export interface DefaultPolicy {
  readonly type: PolicyType;
  readonly id: string;
  readonly name: string;
}

/** The default policy of each type that has one: `FullAWSAccess` (SCP), `RCPFullAWSAccess` (RCP). */
export const DEFAULT_POLICIES: readonly DefaultPolicy[] = [
  { type: 'SERVICE_CONTROL_POLICY', id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
  { type: 'RESOURCE_CONTROL_POLICY', id: 'p-RCPFullAWSAccess', name: 'RCPFullAWSAccess' },
];

/**
 * `true` for a type's AWS-managed default policy, by its id or by its name within its type.
 *
 * @example
 * ```ts
 * isDefaultPolicy('p-RCPFullAWSAccess'); // true
 * isDefaultPolicy('p-1234abcd', 'FullAWSAccess', 'SERVICE_CONTROL_POLICY'); // true
 * ```
 */
export function isDefaultPolicy(id: string, name?: string, type?: PolicyType): boolean {
  return DEFAULT_POLICIES.some(
    (d) => d.id === id || (name === d.name && (type ?? SERVICE_CONTROL_POLICY) === d.type),
  );
}

/** Short label of a type for messages and tables: `SCP`, `RCP`, `TAG_POLICY`, … */
export function policyTypeLabel(type: PolicyType): string {
  if (type === 'SERVICE_CONTROL_POLICY') return 'SCP';
  if (type === 'RESOURCE_CONTROL_POLICY') return 'RCP';
  return type;
}

/** Slot limits per type: the configured ones, else `maxScpsPerTarget` for SCPs, else AWS's default. */
export function policySlotLimit(
  type: PolicyType,
  settings: {
    readonly maxScpsPerTarget: number;
    readonly maxPoliciesPerTarget?: Readonly<Partial<Record<PolicyType, number>>>;
  },
): number {
  const configured = settings.maxPoliciesPerTarget?.[type];
  if (configured !== undefined) return configured;
  return type === SERVICE_CONTROL_POLICY ? settings.maxScpsPerTarget : DEFAULT_POLICY_SLOTS[type];
}

/**
 * The policy types a configuration's rules use — what the snapshot readers must read — always
 * with SERVICE_CONTROL_POLICY (as before policy types existed), in {@link POLICY_TYPES} order.
 *
 * @example
 * ```ts
 * policyTypesOf({ policyRules: [{ type: 'TAG_POLICY' }] }); // ['SERVICE_CONTROL_POLICY', 'TAG_POLICY']
 * ```
 */
export function policyTypesOf(config: {
  readonly policyRules?: readonly { readonly type: PolicyType }[];
}): PolicyType[] {
  const used = new Set<PolicyType>([SERVICE_CONTROL_POLICY]);
  for (const rule of config.policyRules ?? []) used.add(rule.type);
  return POLICY_TYPES.filter((type) => used.has(type));
}
