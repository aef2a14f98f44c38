/**
 * Applies one function's least-privilege permissions: its data access (FUNCTION_ACCESS) and the
 * AWS APIs its job needs, each wildcard acknowledged for cdk-nag with the reason next to it.
 */
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { GovernanceConfig } from '@org/scope-engine';
import type { GovernanceFunction } from '../functions/governance-function';
import type { HandlerFunctionName } from '../functions/handler-assets';
import {
  keyUseStatement,
  publishStatement,
  sendMessageStatement,
  tableStatement,
} from '../iam/data-access-statements';
import {
  assignmentWriteStatement,
  assumeIdentityCenterRoleStatement,
  identityCenterReadStatement,
  managementAccountRoleProvisioningStatement,
} from '../iam/identity-center-statements';
import { notificationStatements, notificationTargets } from '../iam/notification-statements';
import {
  ORGANIZATIONS_ACCOUNT_READ_ACTIONS,
  ORGANIZATIONS_FULL_READ_ACTIONS,
  organizationsReadStatement,
  scpAttachmentStatement,
} from '../iam/organizations-statements';
import { addJustifiedStatement } from '../nag/acknowledge-wildcards';
import { RULES_SCOPE_INDEX } from '../storage/governance-tables';
import type { FunctionAccess, GovernanceTableName } from './function-access';

/** The resources and settings permissions are derived from. */
export interface PermissionContext {
  /** The governance configuration (notification targets, management account assignments). */
  readonly config: GovernanceConfig;
  /** The product's tables. */
  readonly tables: Readonly<Record<GovernanceTableName, dynamodb.ITable>>;
  /** The operations FIFO queue. */
  readonly operationsQueue: sqs.IQueue;
  /** The failure topic. */
  readonly failureTopic: sns.ITopic;
  /** The governance key. */
  readonly encryptionKey: kms.IKey;
  /** The management account id (Organizations and IAM ARNs). */
  readonly managementAccountId: string;
  /** The organization id, when known (Organizations ARNs). */
  readonly organizationId?: string;
  /** The Identity Center instance ARN, when known. */
  readonly ssoInstanceArn?: string;
  /** Role for Identity Center calls, when delegated. */
  readonly identityCenterRoleArn?: string;
}

const READ_ORGANIZATION_REASON =
  'Organizations read APIs: ListRoots, ListPolicies and DescribeOrganization have no resource-level ' +
  'permissions, and the function must read any account, OU and policy of the organization.';
const READ_IDENTITY_CENTER_REASON =
  'Identity Center reads: ListInstances has no resource-level permissions, and permission sets and ' +
  'principals are resolved by name anywhere in the instance.';
const WRITE_ASSIGNMENTS_REASON =
  'Assignments are made on any member account with any permission set of the instance the rules ' +
  'name; limited to sso account, permission-set and instance ARNs.';
const SCP_REASON =
  'SCPs are attached to any member account of the organization; limited to account and ' +
  'service_control_policy ARNs and to organizations:PolicyType = SERVICE_CONTROL_POLICY.';
const MANAGEMENT_ROLES_REASON =
  'Only with includeManagementAccount: Identity Center provisions roles in the management account ' +
  'with the caller’s permissions; limited to aws-reserved/sso.amazonaws.com roles and AWSSSO SAML providers.';
const NOTIFY_REASON =
  'AWS Support has no resource-level permissions; webhook secret ARNs end with a random suffix when ' +
  'given without it.';

/**
 * Adds every permission of one function to its role.
 *
 * @example
 * ```ts
 * grantFunctionPermissions(worker, FUNCTION_ACCESS['operations-worker'], 'operations-worker', context);
 * ```
 */
export function grantFunctionPermissions(
  fn: GovernanceFunction,
  access: FunctionAccess,
  name: HandlerFunctionName,
  context: PermissionContext,
): void {
  const role = fn.role;
  for (const [table, actions] of Object.entries(access.tables) as [
    GovernanceTableName,
    FunctionAccess['tables'][GovernanceTableName],
  ][]) {
    if (actions === undefined || actions.length === 0) continue;
    // Rule look-ups by scope query the rules table's byScope index.
    const indexes =
      table === 'rules' && actions.includes('dynamodb:Query') ? [RULES_SCOPE_INDEX.indexName] : [];
    role.addToPrincipalPolicy(
      tableStatement(
        `Table${table[0].toUpperCase()}${table.slice(1)}`,
        context.tables[table],
        actions,
        indexes,
      ),
    );
  }
  if (access.sendOperations)
    role.addToPrincipalPolicy(sendMessageStatement('EnqueueOperations', context.operationsQueue));
  role.addToPrincipalPolicy(publishStatement('ReportFailures', context.failureTopic));
  role.addToPrincipalPolicy(keyUseStatement(context.encryptionKey));

  const identityCenter = (
    statement: ReturnType<typeof identityCenterReadStatement>,
    reason: string,
  ): void => {
    if (context.identityCenterRoleArn === undefined)
      addJustifiedStatement(fn, role, statement, reason);
  };
  if (context.identityCenterRoleArn !== undefined) {
    role.addToPrincipalPolicy(assumeIdentityCenterRoleStatement(context.identityCenterRoleArn));
  }
  switch (name) {
    case 'org-events-processor':
      addJustifiedStatement(
        fn,
        role,
        organizationsReadStatement(ORGANIZATIONS_ACCOUNT_READ_ACTIONS),
        READ_ORGANIZATION_REASON,
      );
      identityCenter(identityCenterReadStatement(), READ_IDENTITY_CENTER_REASON);
      break;
    case 'operations-worker':
      addJustifiedStatement(fn, role, scpAttachmentStatement(context), SCP_REASON);
      identityCenter(assignmentWriteStatement(context.ssoInstanceArn), WRITE_ASSIGNMENTS_REASON);
      if (
        context.config.settings.includeManagementAccount &&
        context.identityCenterRoleArn === undefined
      ) {
        addJustifiedStatement(
          fn,
          role,
          managementAccountRoleProvisioningStatement(context.managementAccountId),
          MANAGEMENT_ROLES_REASON,
        );
      }
      break;
    case 'vending-notifier':
      // Plans the vended account like the processor, then sends the configured notifications.
      addJustifiedStatement(
        fn,
        role,
        organizationsReadStatement(ORGANIZATIONS_ACCOUNT_READ_ACTIONS),
        READ_ORGANIZATION_REASON,
      );
      identityCenter(identityCenterReadStatement(), READ_IDENTITY_CENTER_REASON);
      for (const statement of notificationStatements(notificationTargets(context.config))) {
        addJustifiedStatement(fn, role, statement, NOTIFY_REASON);
      }
      break;
    case 'reconciler':
      addJustifiedStatement(
        fn,
        role,
        organizationsReadStatement(ORGANIZATIONS_FULL_READ_ACTIONS),
        READ_ORGANIZATION_REASON,
      );
      identityCenter(identityCenterReadStatement(), READ_IDENTITY_CENTER_REASON);
      break;
  }
}
