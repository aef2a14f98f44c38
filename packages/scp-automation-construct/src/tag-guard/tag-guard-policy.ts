/**
 * The optional tag guard: a service control policy denying `organizations:TagResource` and
 * `organizations:UntagResource` on the governed tag keys to every principal but the trusted ones,
 * so only they can change the tags `accountTag` rules read. Created and attached only when the
 * consumer asks for it (`guardTagKeys`); the product never detaches a policy it did not create.
 */
import * as organizations from 'aws-cdk-lib/aws-organizations';
import { Construct } from 'constructs';
import { invalidItems, validateAll, type ValidationRule } from '../validation/validation-rule';

/** A root (`r-…`), OU (`ou-…-…`) or account id a policy can be attached to. */
export const POLICY_TARGET_PATTERN = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|\d{12})$/;

/**
 * An IAM role or user ARN pattern (`*` and `?` wildcards allowed, as `ArnNotLike` reads them).
 * `aws:PrincipalArn` of an assumed-role session is its role's ARN, so STS session ARNs would
 * never match.
 */
export const PRINCIPAL_ARN_PATTERN =
  /^arn:(aws[a-z-]*|\*):iam::[0-9*?]{1,12}:(role|user)\/[\w+=,.@/*?-]+$/;

/** Settings of the {@link TagGuardPolicy}. */
export interface TagGuardPolicyProps {
  /** The governed tag keys (those the `accountTag` rules read). */
  readonly tagKeys: readonly string[];
  /** IAM principal ARN patterns still allowed to tag (`aws:PrincipalArn`: roles, not sessions). */
  readonly trustedPrincipals: readonly string[];
  /** Where the policy is attached: the root, OUs or accounts. */
  readonly targetIds: readonly string[];
  /** The policy's name. @default 'OrgGovernanceTagGuard' */
  readonly policyName?: string;
}

/** Statement id of the deny. */
export const TAG_GUARD_SID = 'DenyGovernedTagChangesByUntrustedPrincipals';

/**
 * The guard's policy document: deny tagging or untagging any governed key unless the caller's
 * principal ARN matches a trusted pattern.
 *
 * @example
 * ```ts
 * tagGuardDocument(['env'], ['arn:aws:iam::111111111111:role/Platform']).Statement[0].Effect; // 'Deny'
 * ```
 */
export function tagGuardDocument(
  tagKeys: readonly string[],
  trustedPrincipals: readonly string[],
): { Version: string; Statement: Record<string, unknown>[] } {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: TAG_GUARD_SID,
        Effect: 'Deny',
        Action: ['organizations:TagResource', 'organizations:UntagResource'],
        Resource: '*',
        Condition: {
          'ForAnyValue:StringEquals': { 'aws:TagKeys': [...tagKeys] },
          ArnNotLike: { 'aws:PrincipalArn': [...trustedPrincipals] },
        },
      },
    ],
  };
}

/** The props' rules: every mistake at once. */
const RULES: readonly ValidationRule<TagGuardPolicyProps>[] = [
  {
    fails: (p) => p.tagKeys.length === 0,
    message: () => 'guardTagKeys must list at least one tag key.',
  },
  {
    fails: (p) => p.tagKeys.some((key) => key.length === 0 || key.length > 128),
    message: () => 'guardTagKeys must be tag keys of 1 to 128 characters.',
  },
  {
    fails: (p) => p.trustedPrincipals.length === 0,
    message: () =>
      'trustedTagPrincipals must list at least one principal ARN pattern when guardTagKeys is set (else nobody could tag the governed keys).',
  },
  {
    fails: (p) => invalidItems(p.trustedPrincipals, PRINCIPAL_ARN_PATTERN).length > 0,
    message: (p) =>
      `trustedTagPrincipals must be IAM principal ARN patterns, got ${invalidItems(p.trustedPrincipals, PRINCIPAL_ARN_PATTERN).join(', ')}.`,
  },
  {
    fails: (p) => p.targetIds.length === 0,
    message: () =>
      'guardTagTargetIds must name where the guard is attached (the root id, OUs or accounts).',
  },
  {
    fails: (p) => invalidItems(p.targetIds, POLICY_TARGET_PATTERN).length > 0,
    message: (p) =>
      `guardTagTargetIds must be root, OU or account ids, got ${invalidItems(p.targetIds, POLICY_TARGET_PATTERN).join(', ')}.`,
  },
];

/**
 * The tag guard SCP, attached to `targetIds`. SCPs never restrict the management account: there,
 * limit `organizations:TagResource` with IAM policies.
 *
 * @example
 * ```ts
 * new TagGuardPolicy(this, 'TagGuard', { tagKeys: ['env'], trustedPrincipals: [platformRoleArn], targetIds: ['r-ab12'] });
 * ```
 */
export class TagGuardPolicy extends Construct {
  /** The service control policy. */
  readonly policy: organizations.CfnPolicy;

  constructor(scope: Construct, id: string, props: TagGuardPolicyProps) {
    super(scope, id);
    validateAll(this, 'OrgGovernance', props, RULES);
    this.policy = new organizations.CfnPolicy(this, 'Policy', {
      name: props.policyName ?? 'OrgGovernanceTagGuard',
      description:
        'Org governance tag guard: only trusted principals may tag or untag the keys accountTag rules read',
      type: 'SERVICE_CONTROL_POLICY',
      content: tagGuardDocument(props.tagKeys, props.trustedPrincipals),
      targetIds: [...props.targetIds],
    });
  }
}
