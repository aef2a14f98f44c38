/**
 * The optional organization-wide resources of {@link OrgGovernance}: the organization trail and
 * the tag guard service control policy.
 */
import type * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import type * as organizations from 'aws-cdk-lib/aws-organizations';
import type { Construct } from 'constructs';
import { TagGuardPolicy } from '../../tag-guard/tag-guard-policy';
import { OrganizationTrail } from '../../trail/organization-trail';
import type { OrgGovernanceProps } from '../org-governance-props';
import type { ResolvedOrgGovernanceProps } from '../resolve-org-governance-props';

/** What {@link createOrganizationResources} creates. */
export interface OrganizationResources {
  /** The organization trail, when `organizationTrail` is true and `organizationId` is set. */
  readonly trail?: cloudtrail.Trail;
  /** The tag guard SCP, when `guardTagKeys` is set. */
  readonly tagGuardPolicy?: organizations.CfnPolicy;
}

/**
 * Creates the organization trail (`OrganizationTrail`) when asked for and the organization id is
 * known, then the tag guard (`TagGuard`) when `guardTagKeys` is set, under `scope`.
 *
 * @example
 * ```ts
 * const { trail, tagGuardPolicy } = createOrganizationResources(this, props, settings);
 * ```
 */
export function createOrganizationResources(
  scope: Construct,
  props: OrgGovernanceProps,
  settings: ResolvedOrgGovernanceProps,
): OrganizationResources {
  const trail =
    settings.organizationTrail && settings.organizationId !== undefined
      ? new OrganizationTrail(scope, 'OrganizationTrail', {
          organizationId: settings.organizationId,
          managementAccountId: settings.managementAccountId,
          trailName: settings.trailName,
          logRetention: settings.trailLogRetention,
          removalPolicy: settings.removalPolicy,
        }).trail
      : undefined;
  const tagGuardPolicy =
    props.guardTagKeys === undefined
      ? undefined
      : new TagGuardPolicy(scope, 'TagGuard', {
          tagKeys: props.guardTagKeys,
          trustedPrincipals: props.trustedTagPrincipals ?? [],
          targetIds: props.guardTagTargetIds ?? [],
        }).policy;
  return { trail, tagGuardPolicy };
}
