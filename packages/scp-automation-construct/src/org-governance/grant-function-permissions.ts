/**
 * Applies one function's least-privilege permissions — its row of FUNCTION_ACCESS — each
 * wildcard acknowledged for cdk-nag with the reason next to it.
 */
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { DeploymentGrants } from '@org/contracts';
import type { GovernanceFunction } from '../functions/governance-function';
import {
  keyUseStatement,
  publishStatement,
  sendMessageStatement,
  tableStatement,
} from '../iam/data-access-statements';
import {
  assignmentWriteStatement,
  assumeIdentityCenterRoleStatement,
  directoryPrincipalReadStatement,
  identityCenterReadStatement,
  instanceDiscoveryStatement,
  managementAccountRoleProvisioningStatement,
} from '../iam/identity-center-statements';
import { notificationStatements } from '../iam/notification-statements';
import {
  ORGANIZATIONS_ACCOUNT_READ_ACTIONS,
  ORGANIZATIONS_FULL_READ_ACTIONS,
  organizationsReadStatement,
  scpAttachmentStatement,
} from '../iam/organizations-statements';
import { addJustifiedStatement } from '../nag/acknowledge-wildcards';
import type { FunctionAccess, GovernanceTableName } from './function-access';

/** The resources and settings permissions are derived from. */
export interface PermissionContext {
  /** What the configuration needs (notification targets, management account assignments). */
  readonly grants: DeploymentGrants;
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
  /** The Identity Center instance ARN, when known (else the functions call ListInstances). */
  readonly ssoInstanceArn?: string;
  /** Role for Identity Center calls, when delegated. */
  readonly identityCenterRoleArn?: string;
}

const READ_ORGANIZATION_REASON =
  'Organizations read APIs: DescribeOrganization, ListPolicies and ListRoots have no resource-level ' +
  'permissions, and the function must read any account, OU and policy of the organization.';
const DISCOVER_INSTANCE_REASON =
  'Without ssoInstanceArn the function finds the Identity Center instance with ListInstances, ' +
  'which has no resource-level permissions.';
const READ_IDENTITY_CENTER_REASON =
  'Identity Center reads of the reconciler: permission sets and principals are resolved by name ' +
  'anywhere in the instance.';
const DESCRIBE_PRINCIPALS_REASON =
  'A group or user created after the rules that name it is described by the id its directory ' +
  'event carries; limited to identity stores of the management account and their groups and users.';
const WRITE_ASSIGNMENTS_REASON =
  'Assignments are made on any member account with any permission set of the instance the rules ' +
  'name; limited to sso account, permission-set and instance ARNs.';
const SCP_REASON =
  'Policies of every Organizations type are attached to any member account of the organization; ' +
  'limited to account and policy ARNs and to organizations:PolicyType; default policies are ' +
  'never detached (explicit Deny).';
const MANAGEMENT_ROLES_REASON =
  'Only with includeManagementAccount: Identity Center provisions roles in the management account ' +
  'with the caller’s permissions; limited to aws-reserved/sso.amazonaws.com roles and AWSSSO SAML providers.';
const NOTIFY_REASON =
  'AWS Support has no resource-level permissions; webhook secret ARNs end with a random suffix when ' +
  'given without it.';

/** Tables, the operations queue, the failure topic and the governance key. */
function grantData(fn: GovernanceFunction, access: FunctionAccess, context: PermissionContext) {
  const role = fn.role;
  for (const [table, actions] of Object.entries(access.tables) as [
    GovernanceTableName,
    FunctionAccess['tables'][GovernanceTableName],
  ][]) {
    if (actions === undefined || actions.length === 0) continue;
    const sid = `Table${table[0].toUpperCase()}${table.slice(1)}`;
    role.addToPrincipalPolicy(tableStatement(sid, context.tables[table], actions));
  }
  if (access.sendOperations)
    role.addToPrincipalPolicy(sendMessageStatement('EnqueueOperations', context.operationsQueue));
  role.addToPrincipalPolicy(publishStatement('ReportFailures', context.failureTopic));
  role.addToPrincipalPolicy(keyUseStatement(context.encryptionKey));
}

/** Organizations reads of one account or of the whole tree, or SCP attach/detach. */
function grantOrganizations(
  fn: GovernanceFunction,
  access: FunctionAccess['organizations'],
  context: PermissionContext,
) {
  switch (access) {
    case 'readAccount':
    case 'readOrganization':
    case 'readAccountAndOrganization': {
      const actions =
        access === 'readAccount'
          ? ORGANIZATIONS_ACCOUNT_READ_ACTIONS
          : access === 'readOrganization'
            ? ORGANIZATIONS_FULL_READ_ACTIONS
            : [
                ...new Set([
                  ...ORGANIZATIONS_ACCOUNT_READ_ACTIONS,
                  ...ORGANIZATIONS_FULL_READ_ACTIONS,
                ]),
              ];
      const statement = organizationsReadStatement(actions);
      addJustifiedStatement(fn, fn.role, statement, READ_ORGANIZATION_REASON);
      break;
    }
    case 'attachScps': {
      // The worker re-reads the account before executing (level-triggered execution).
      const read = organizationsReadStatement(ORGANIZATIONS_ACCOUNT_READ_ACTIONS);
      addJustifiedStatement(fn, fn.role, read, READ_ORGANIZATION_REASON);
      addJustifiedStatement(fn, fn.role, scpAttachmentStatement(context), SCP_REASON);
      break;
    }
  }
}

/**
 * Identity Center: only `sts:AssumeRole` on the delegated role when there is one; else the
 * processor's DescribeGroup / DescribeUser, or instance discovery (without ssoInstanceArn) and
 * the reads or assignment writes themselves, plus IAM role provisioning in the management
 * account for assignments there.
 */
function grantIdentityCenter(
  fn: GovernanceFunction,
  access: FunctionAccess['identityCenter'],
  context: PermissionContext,
) {
  if (access === 'none') return;
  const role = fn.role;
  if (context.identityCenterRoleArn !== undefined) {
    role.addToPrincipalPolicy(assumeIdentityCenterRoleStatement(context.identityCenterRoleArn));
    return;
  }
  if (access === 'describePrincipals') {
    const principals = directoryPrincipalReadStatement(context.managementAccountId);
    addJustifiedStatement(fn, role, principals, DESCRIBE_PRINCIPALS_REASON);
    return;
  }
  if (context.ssoInstanceArn === undefined) {
    addJustifiedStatement(fn, role, instanceDiscoveryStatement(), DISCOVER_INSTANCE_REASON);
  }
  if (access === 'read') {
    addJustifiedStatement(fn, role, identityCenterReadStatement(), READ_IDENTITY_CENTER_REASON);
    return;
  }
  const assignments = assignmentWriteStatement(context.ssoInstanceArn);
  addJustifiedStatement(fn, role, assignments, WRITE_ASSIGNMENTS_REASON);
  if (context.grants.includeManagementAccount) {
    const provisioning = managementAccountRoleProvisioningStatement(context.managementAccountId);
    addJustifiedStatement(fn, role, provisioning, MANAGEMENT_ROLES_REASON);
  }
}

/**
 * Adds every permission of one function to its role.
 *
 * @example
 * ```ts
 * grantFunctionPermissions(worker, FUNCTION_ACCESS['operations-worker'], context);
 * ```
 */
export function grantFunctionPermissions(
  fn: GovernanceFunction,
  access: FunctionAccess,
  context: PermissionContext,
): void {
  grantData(fn, access, context);
  grantOrganizations(fn, access.organizations, context);
  grantIdentityCenter(fn, access.identityCenter, context);
  if (access.notifications) {
    for (const statement of notificationStatements(context.grants)) {
      addJustifiedStatement(fn, fn.role, statement, NOTIFY_REASON);
    }
  }
}
