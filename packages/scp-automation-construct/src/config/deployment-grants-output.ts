/**
 * What the deployment grants the stored rules, published for `orgctl rules apply`: the
 * `GovernanceConfigHash` output and the tags of the rules table.
 */
import { CfnOutput, Tags } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import {
  DEPLOYMENT_GRANTS,
  type DeploymentGrants,
  deploymentConfigHash,
  deploymentGrantTags,
} from '@org/contracts';

/**
 * Tags `rulesTable` with the grants (pass none for an adopted rules table: it is not this stack's
 * to tag) and adds the `GovernanceConfigHash` output under `scope`; returns the hash.
 *
 * @example
 * ```ts
 * const configHash = publishDeploymentGrants(this, grants, tables.rules);
 * ```
 */
export function publishDeploymentGrants(
  scope: Construct,
  grants: DeploymentGrants,
  rulesTable: dynamodb.ITable | undefined,
): string {
  const configHash = deploymentConfigHash(grants);
  if (rulesTable !== undefined) {
    for (const [key, value] of Object.entries(deploymentGrantTags(grants))) {
      Tags.of(rulesTable).add(key, value);
    }
  }
  new CfnOutput(scope, DEPLOYMENT_GRANTS.configHashOutput, {
    description:
      'SHA-256 of what the governance configuration needs from this deployment (orgctl rules apply checks it)',
    value: configHash,
  });
  return configHash;
}
