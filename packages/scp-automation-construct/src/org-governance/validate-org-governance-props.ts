/**
 * All-at-once validation of {@link OrgGovernanceProps}: every mistake is reported in one error
 * naming the construct path.
 */
import { Duration, Stack, Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { InvalidPropsError } from '../errors';
import type { DeploymentGrants } from '@org/contracts';
import { resolveDeploymentGrants } from '../config/resolve-deployment-grants';
import { isNotifiableEvent } from '../events/org-event-patterns';
import {
  ACCOUNT_ID_PATTERN,
  EMAIL_PATTERN,
  EVENT_BUS_NAME_PATTERN,
  HTTPS_URL_PATTERN,
  IDENTITY_STORE_ID_PATTERN,
  ORGANIZATION_ID_PATTERN,
  REGION_PATTERN,
  ROLE_ARN_PATTERN,
  SECRET_ARN_PATTERN,
  SSO_INSTANCE_ARN_PATTERN,
  TOPIC_ARN_PATTERN,
} from '../validation/patterns';
import {
  invalidItems,
  mismatches,
  outsideIntegerRange,
  validateAll,
  type ValidationRule,
} from '../validation/validation-rule';
import { HandlerLogLevel, type OrgGovernanceProps } from './org-governance-props';
import { FUNCTION_OPTION_RULES } from './validate-function-options';

/** The props, the account of the stack they are deployed in and what the configuration needs. */
type ValidatedProps = OrgGovernanceProps & {
  readonly stackAccount: string;
  readonly grants: DeploymentGrants | undefined;
};

/** The prop the configuration came from (messages name it). */
const configProp = (p: ValidatedProps): string =>
  p.config === undefined ? 'governanceConfig' : 'config';

/** The grants' ARNs of one kind that do not match `pattern`. */
function invalidArns(
  p: ValidatedProps,
  kind: 'webhookSecretArns' | 'topicArns',
  pattern: RegExp,
): string[] {
  return invalidItems(p.grants?.[kind], pattern);
}

/** `true` when both accounts are concrete and differ (a delegated administrator's stack). */
function outsideManagementAccount(p: ValidatedProps): boolean {
  return (
    p.managementAccountId !== undefined &&
    !Token.isUnresolved(p.managementAccountId) &&
    !Token.isUnresolved(p.stackAccount) &&
    p.managementAccountId !== p.stackAccount
  );
}

/** Longest assignment status wait: the worker's timeout (wait + 30 s) must stay within 15 minutes. */
export const MAX_STATUS_WAIT_SECONDS = 870;

/** Whole seconds of a duration, or `undefined` when unset or a token. */
function seconds(duration: Duration | undefined): number | undefined {
  if (duration === undefined || Token.isUnresolved(duration.toSeconds({ integral: false })))
    return undefined;
  return duration.toSeconds({ integral: false });
}

/** Milliseconds of a duration, or `undefined` when unset or a token. */
function millis(duration: Duration | undefined): number | undefined {
  const s = seconds(duration);
  return s === undefined ? undefined : s * 1000;
}

/** Whole days of a duration (`NaN` when not a whole number of days), or `undefined`. */
function days(duration: Duration | undefined): number | undefined {
  const s = seconds(duration);
  return s === undefined ? undefined : s / 86_400;
}

const RULES: readonly ValidationRule<ValidatedProps>[] = [
  {
    fails: (p) => p.grants === undefined,
    message: () =>
      "config is required: GovernanceConfigSource.fromFile('governance.yaml') (the file orgctl rules apply stores)",
  },
  {
    fails: (p) => p.config !== undefined && p.governanceConfig !== undefined,
    message: () =>
      'give config or the deprecated governanceConfig, not both (they would disagree on what the deployment grants)',
  },
  {
    fails: (p) => invalidArns(p, 'webhookSecretArns', SECRET_ARN_PATTERN).length > 0,
    message: (p) =>
      `${configProp(p)} webhook secretArn must be a Secrets Manager secret ARN, got ${invalidArns(p, 'webhookSecretArns', SECRET_ARN_PATTERN).join(', ')}`,
  },
  {
    fails: (p) => invalidArns(p, 'topicArns', TOPIC_ARN_PATTERN).length > 0,
    message: (p) =>
      `${configProp(p)} sns topicArn must be an SNS topic ARN, got ${invalidArns(p, 'topicArns', TOPIC_ARN_PATTERN).join(', ')}`,
  },
  {
    fails: (p) => (p.grants?.notifiedEvents ?? []).some((event) => !isNotifiableEvent(event)),
    message: (p) =>
      `${configProp(p)} notifiedEvents must be AccountCreated, AccountJoined, CreateAccountFailed, ManagedAccountVended, ManagedAccountCreated or ManagedAccountUpdated, got ${(p.grants?.notifiedEvents ?? []).filter((event) => !isNotifiableEvent(event)).join(', ')}`,
  },
  {
    fails: (p) => mismatches(p.managementAccountId, ACCOUNT_ID_PATTERN),
    message: (p) =>
      `managementAccountId must be a 12-digit account id, got '${p.managementAccountId}'`,
  },
  {
    fails: (p) => p.organizationId === undefined && outsideManagementAccount(p),
    message: (p) =>
      `organizationId is required when the stack (account ${p.stackAccount}) is not in the management account ${p.managementAccountId}: without it the central bus admits no forwarder of the management account`,
  },
  {
    fails: (p) => mismatches(p.organizationId, ORGANIZATION_ID_PATTERN),
    message: (p) =>
      `organizationId must look like 'o-' followed by 10-32 lowercase letters or digits, got '${p.organizationId}'`,
  },
  {
    fails: (p) => mismatches(p.ssoInstanceArn, SSO_INSTANCE_ARN_PATTERN),
    message: (p) =>
      `ssoInstanceArn must be an Identity Center instance ARN (arn:aws:sso:::instance/ssoins-…), got '${p.ssoInstanceArn}'`,
  },
  {
    fails: (p) => mismatches(p.identityStoreId, IDENTITY_STORE_ID_PATTERN),
    message: (p) =>
      `identityStoreId must look like 'd-' followed by 10 hex digits, got '${p.identityStoreId}'`,
  },
  {
    fails: (p) => (p.ssoInstanceArn === undefined) !== (p.identityStoreId === undefined),
    message: (p) =>
      `ssoInstanceArn and identityStoreId go together (the functions discover both otherwise), got only ${p.ssoInstanceArn === undefined ? 'identityStoreId' : 'ssoInstanceArn'}`,
  },
  {
    fails: (p) => mismatches(p.identityCenterRoleArn, ROLE_ARN_PATTERN),
    message: (p) =>
      `identityCenterRoleArn must be an IAM role ARN, got '${p.identityCenterRoleArn}'`,
  },
  {
    fails: (p) => mismatches(p.identityCenterRegion, REGION_PATTERN),
    message: (p) =>
      `identityCenterRegion must be a region such as eu-west-1, got '${p.identityCenterRegion}'`,
  },
  {
    fails: (p) =>
      mismatches(p.eventBusName, EVENT_BUS_NAME_PATTERN) || p.eventBusName === 'default',
    message: (p) =>
      `eventBusName must be 1-256 characters of letters, digits, . - _ / and not 'default', got '${p.eventBusName}'`,
  },
  {
    fails: (p) => outsideIntegerRange(p.operationsMaxReceiveCount, 1, 1000),
    message: (p) =>
      `operationsMaxReceiveCount must be an integer from 1 to 1000, got ${p.operationsMaxReceiveCount}`,
  },
  {
    fails: (p) => outsideIntegerRange(seconds(p.assignmentStatusWait), 1, MAX_STATUS_WAIT_SECONDS),
    message: (p) =>
      `assignmentStatusWait must be whole seconds from 1 to ${MAX_STATUS_WAIT_SECONDS} (the worker's timeout is 30 s longer and at most 15 minutes), got ${seconds(p.assignmentStatusWait)} s`,
  },
  {
    fails: (p) => outsideIntegerRange(millis(p.assignmentStatusFirstPoll), 0, 60_000),
    message: (p) =>
      `assignmentStatusFirstPoll must be whole milliseconds from 0 to 60000, got ${millis(p.assignmentStatusFirstPoll)} ms`,
  },
  {
    fails: (p) =>
      p.identityCenterRequestsPerSecond !== undefined &&
      !Token.isUnresolved(p.identityCenterRequestsPerSecond) &&
      !(p.identityCenterRequestsPerSecond >= 0.1 && p.identityCenterRequestsPerSecond <= 20),
    message: (p) =>
      `identityCenterRequestsPerSecond must be from 0.1 to 20 (the Identity Center instance's quota), got ${p.identityCenterRequestsPerSecond}`,
  },
  {
    fails: (p) => outsideIntegerRange(p.identityCenterMaxOutstandingCreates, 1, 10),
    message: (p) =>
      `identityCenterMaxOutstandingCreates must be an integer from 1 to 10 (Identity Center allows 10 outstanding assignment creations), got ${p.identityCenterMaxOutstandingCreates}`,
  },
  {
    fails: (p) => outsideIntegerRange(seconds(p.rulesCacheTtl), 0, 3600),
    message: (p) =>
      `rulesCacheTtl must be whole seconds from 0 to 3600, got ${seconds(p.rulesCacheTtl)} s`,
  },
  ...FUNCTION_OPTION_RULES,
  {
    fails: (p) => outsideIntegerRange(p.workerReservedConcurrency, 1, 10),
    message: (p) =>
      `workerReservedConcurrency must be an integer from 1 to 10 (Identity Center allows 10 outstanding assignment creations), got ${p.workerReservedConcurrency}`,
  },
  {
    fails: (p) => outsideIntegerRange(p.workerBatchSize, 1, 10),
    message: (p) =>
      `workerBatchSize must be an integer from 1 to 10 (FIFO queues deliver at most 10), got ${p.workerBatchSize}`,
  },
  {
    fails: (p) => outsideIntegerRange(p.asyncRetryAttempts, 0, 2),
    message: (p) => `asyncRetryAttempts must be 0, 1 or 2, got ${p.asyncRetryAttempts}`,
  },
  {
    fails: (p) => invalidItems(p.failureNotificationEmails, EMAIL_PATTERN).length > 0,
    message: (p) =>
      `failureNotificationEmails must be e-mail addresses, got ${invalidItems(p.failureNotificationEmails, EMAIL_PATTERN).join(', ')}`,
  },
  {
    fails: (p) => invalidItems(p.failureNotificationUrls, HTTPS_URL_PATTERN).length > 0,
    message: (p) =>
      `failureNotificationUrls must be https URLs, got ${invalidItems(p.failureNotificationUrls, HTTPS_URL_PATTERN).join(', ')}`,
  },
  {
    fails: (p) => p.logLevel !== undefined && !Object.values(HandlerLogLevel).includes(p.logLevel),
    message: (p) =>
      `logLevel must be one of ${Object.values(HandlerLogLevel).join(', ')}, got '${p.logLevel}'`,
  },
  {
    fails: (p) => outsideIntegerRange(days(p.auditRetention), 1, 3650),
    message: (p) =>
      `auditRetention must be whole days from 1 to 3650, got ${days(p.auditRetention)} days`,
  },
  {
    fails: (p) => outsideIntegerRange(p.driftAlarmThreshold, 1, Number.MAX_SAFE_INTEGER),
    message: (p) => `driftAlarmThreshold must be a positive integer, got ${p.driftAlarmThreshold}`,
  },
  {
    fails: (p) => p.organizationTrail === true && p.organizationId === undefined,
    message: () =>
      'organizationTrail requires organizationId (the trail bucket policy admits the organization)',
  },
  {
    fails: (p) => mismatches(p.trailName, /^[A-Za-z0-9][A-Za-z0-9._-]{2,127}$/),
    message: (p) =>
      `trailName must be 3-128 letters, digits, . _ - starting with a letter or digit, got '${p.trailName}'`,
  },
  {
    fails: (p) => outsideIntegerRange(days(p.trailLogRetention), 1, 36500),
    message: (p) =>
      `trailLogRetention must be whole days from 1 to 36500, got ${days(p.trailLogRetention)} days`,
  },
];

/**
 * Validates every prop of `OrgGovernance` and throws one `InvalidPropsError` listing each
 * mistake. `grants` is what the configuration needs (read from `props` when not given; a
 * configuration file that cannot be read or is invalid throws `InvalidGovernanceConfigError`).
 *
 * @example
 * ```ts
 * validateOrgGovernanceProps(this, props); // InvalidPropsError: OrgGovernance at 'Stack/Gov' has 2 invalid prop(s): …
 * ```
 */
export function validateOrgGovernanceProps(
  scope: IConstruct,
  props: OrgGovernanceProps,
  grants: DeploymentGrants | undefined = resolveDeploymentGrants(scope, props),
): void {
  const stackAccount = Stack.of(scope).account;
  validateAll(scope, 'OrgGovernance', { ...props, stackAccount, grants }, RULES);
}

/** The metrics namespaces claimed in each stack, with the claiming construct's path. */
const NAMESPACE_CLAIMS = new WeakMap<Stack, Map<string, string>>();

/**
 * Records that `scope` publishes metrics to `namespace`, and refuses a namespace another
 * `OrgGovernance` of the same stack already uses (their alarms would fire for each other).
 *
 * @throws {InvalidPropsError} naming both constructs.
 * @example
 * ```ts
 * claimMetricsNamespace(this, settings.metricsNamespace);
 * ```
 */
export function claimMetricsNamespace(scope: IConstruct, namespace: string): void {
  const stack = Stack.of(scope);
  const claims = NAMESPACE_CLAIMS.get(stack) ?? new Map<string, string>();
  NAMESPACE_CLAIMS.set(stack, claims);
  const owner = claims.get(namespace);
  if (owner !== undefined) {
    throw new InvalidPropsError(scope.node.path, 'OrgGovernance', [
      `metricsNamespace '${namespace}' is already used by the OrgGovernance at '${owner}' in this stack: give each instance its own metricsNamespace (their alarms would fire for each other)`,
    ]);
  }
  claims.set(namespace, scope.node.path);
}
