/**
 * The explicit deny every product role carries: never detach `FullAWSAccess` (SCP) or
 * `RCPFullAWSAccess` (RCP). Detaching either from a target would deny everything there (an SCP
 * or RCP allow-list with nothing left in it), so no rule, forged queue message or bug may do it;
 * an explicit Deny wins over any Allow the role has or is given later. Kept in a statement of its
 * own, apart from the Organizations allows, so a broader attach/detach grant cannot remove it.
 */
import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * The AWS-managed policies the product never detaches, by ARN (the AWS-managed policy ARN form:
 * `arn:<partition>:organizations::aws:policy/<policy type>/<policy id>`).
 */
export const PROTECTED_POLICY_ARNS = [
  `arn:${Aws.PARTITION}:organizations::aws:policy/service_control_policy/p-FullAWSAccess`,
  `arn:${Aws.PARTITION}:organizations::aws:policy/resource_control_policy/p-RCPFullAWSAccess`,
] as const;

/** Statement id of the deny (tests and reviewers find it by this name). */
export const PROTECTED_POLICY_DENY_SID = 'NeverDetachFullAccessPolicies';

/**
 * Deny of `organizations:DetachPolicy` on {@link PROTECTED_POLICY_ARNS}, whatever the target.
 *
 * @example
 * ```ts
 * role.addToPrincipalPolicy(protectedPolicyDenyStatement());
 * ```
 */
export function protectedPolicyDenyStatement(): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: PROTECTED_POLICY_DENY_SID,
    effect: iam.Effect.DENY,
    actions: ['organizations:DetachPolicy'],
    resources: [...PROTECTED_POLICY_ARNS],
  });
}
