/**
 * The deployment check of `orgctl rules apply`: the deployed `OrgGovernance` tags its rules table
 * with what it grants the stored rules (notification targets, notified events,
 * `includeManagementAccount`); a configuration that needs more would fail at run time
 * (AccessDenied on a new webhook secret or topic, events that never reach the notifier), so it is
 * refused before anything is stored.
 */
import {
  DescribeTableCommand,
  type DynamoDBClient,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import {
  deploymentConfigHash,
  deploymentGrantList,
  deploymentGrantsOf,
  type DeployedGrants,
  type GovernanceConfigLike,
  readDeploymentGrantTags,
  ungrantedDeploymentGrants,
} from '@org/contracts';
import { InputError } from '../errors';

/**
 * Reads the deployment's grants from the rules table's tags (`dynamodb:DescribeTable` for its
 * ARN, `dynamodb:ListTagsOfResource`), or `null` when it carries none.
 *
 * @example
 * ```ts
 * const deployed = await readDeployedGrants(clients.dynamodb, 'org-governance-rules');
 * ```
 */
export async function readDeployedGrants(
  client: DynamoDBClient,
  tableName: string,
): Promise<DeployedGrants | null> {
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const arn = described.Table?.TableArn;
  if (arn === undefined) return null;
  const tags: Record<string, string> = {};
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken: nextToken }),
    );
    for (const tag of page.Tags ?? []) {
      if (tag.Key !== undefined && tag.Value !== undefined) tags[tag.Key] = tag.Value;
    }
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return readDeploymentGrantTags(tags);
}

/** How to go on when the check refuses. */
const REMEDY = 'deploy the stack from this file first, or pass --skip-grant-check';

/**
 * Refuses (`InputError`, exit 1) a configuration that needs what the deployed stack does not
 * grant, listing each target; returns a note when the stack grants more than the file needs (a
 * redeploy would narrow it), else `null`.
 *
 * @example
 * ```ts
 * const note = checkDeploymentGrants(config, deployed, { file: 'governance.yaml', table: 'rules' });
 * ```
 */
export function checkDeploymentGrants(
  config: GovernanceConfigLike,
  deployed: DeployedGrants | null,
  where: { readonly file: string; readonly table: string },
): string | null {
  const needed = deploymentGrantsOf(config);
  if (deployed === null) {
    throw new InputError(
      `${where.table} carries no deployment grants (a stack of @org/scp-automation-construct before 0.2.0, or an adopted rules table), so ${where.file}'s targets cannot be checked: ${REMEDY}`,
      deploymentGrantList(needed).map((grant) => grant.description),
    );
  }
  const ungranted = ungrantedDeploymentGrants(needed, deployed);
  if (ungranted.length > 0) {
    throw new InputError(
      `${where.file} needs ${ungranted.length} notification target(s) the deployed stack does not grant: ${REMEDY}`,
      ungranted.map((grant) => grant.description),
    );
  }
  const hash = deploymentConfigHash(needed);
  if (hash === deployed.configHash) return null;
  return `the deployed stack grants more than ${where.file} needs (config hash ${deployed.configHash.slice(0, 12)}…, the file's ${hash.slice(0, 12)}…): redeploy from it to narrow the notifier's permissions`;
}
