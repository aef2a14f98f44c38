/** What an `OrgGovernance`'s configuration needs from the deployment, from whichever prop gave it. */
import { type DeploymentGrants, deploymentGrantsOf } from '@org/contracts';
import type { IConstruct } from 'constructs';
import type { OrgGovernanceProps } from '../org-governance/org-governance-props';

/**
 * The grants of `config` (read and validated now), else of the deprecated `governanceConfig`,
 * else `undefined` (prop validation reports it).
 *
 * @example
 * ```ts
 * resolveDeploymentGrants(this, { config: GovernanceConfigSource.fromFile('governance.yaml') });
 * ```
 */
export function resolveDeploymentGrants(
  scope: IConstruct,
  props: Pick<OrgGovernanceProps, 'config' | 'governanceConfig'>,
): DeploymentGrants | undefined {
  if (props.config !== undefined) return props.config.bind(scope);
  const legacy = props.governanceConfig;
  return legacy === undefined || legacy === null ? undefined : deploymentGrantsOf(legacy);
}
