/**
 * {@link OrgGovernanceProps} with every default applied, so the construct reads one value per
 * setting.
 */
import { Duration, Names, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import { DEFAULT_STATUS_WAIT_SECONDS, METRICS_NAMESPACE } from '@org/contracts';
import { defaultAssetsDirectory } from '../functions/handler-assets';
import type { OrgGovernanceProps } from './org-governance-props';

/**
 * The conventional name of the central event bus (deploy-app sets it; `OrgGovernance` generates
 * a name unless `eventBusName` is given).
 */
export const DEFAULT_EVENT_BUS_NAME = 'org-governance';

/**
 * Settings passed to the functions only when given: the handlers apply the same documented
 * defaults (see `@org/contracts`), so the construct sets no variable it was not asked to.
 */
type OptionalSetting =
  | 'config'
  | 'governanceConfig'
  | 'organizationId'
  | 'ssoInstanceArn'
  | 'identityStoreId'
  | 'identityCenterRoleArn'
  | 'reconcileDryRun'
  | 'logLevel'
  | 'auditRetention'
  | 'rulesCacheTtl'
  | 'assignmentStatusFirstPoll'
  | 'identityCenterRequestsPerSecond'
  | 'identityCenterMaxOutstandingCreates'
  | 'organizationsReadsPerSecond'
  | 'organizationsWritesPerSecond'
  | 'functionDefaults'
  | 'functions'
  | 'encryptionKey'
  | 'alarmActions'
  | 'existingTables'
  | 'backupPlan'
  | 'workerReservedConcurrency'
  | 'guardTagKeys'
  | 'trustedTagPrincipals'
  | 'guardTagTargetIds';

/** Every setting of `OrgGovernance`, defaults applied. */
export type ResolvedOrgGovernanceProps = Required<Omit<OrgGovernanceProps, OptionalSetting>> &
  Pick<OrgGovernanceProps, OptionalSetting>;

/**
 * Applies the documented defaults.
 *
 * @example
 * ```ts
 * resolveOrgGovernanceProps(this, { governanceConfig }).workerMaxConcurrency; // 10
 * ```
 */
export function resolveOrgGovernanceProps(
  scope: IConstruct,
  props: OrgGovernanceProps,
): ResolvedOrgGovernanceProps {
  return {
    ...props,
    managementAccountId: props.managementAccountId ?? Stack.of(scope).account,
    consumeDefaultBus: props.consumeDefaultBus ?? true,
    identityCenterRegion: props.identityCenterRegion ?? Stack.of(scope).region,
    eventBusName: props.eventBusName ?? generatedName(scope, 256),
    operationsMaxReceiveCount: props.operationsMaxReceiveCount ?? 5,
    assignmentStatusWait:
      props.assignmentStatusWait ?? Duration.seconds(DEFAULT_STATUS_WAIT_SECONDS),
    workerMaxConcurrency:
      props.workerMaxConcurrency ??
      (props.workerReservedConcurrency !== undefined && props.workerReservedConcurrency >= 2
        ? props.workerReservedConcurrency
        : 10),
    metricsNamespace: props.metricsNamespace ?? METRICS_NAMESPACE,
    workerBatchSize: props.workerBatchSize ?? 10,
    asyncRetryAttempts: props.asyncRetryAttempts ?? 2,
    reconcileSchedule: props.reconcileSchedule ?? events.Schedule.rate(Duration.days(1)),
    failureNotificationEmails: props.failureNotificationEmails ?? [],
    failureNotificationUrls: props.failureNotificationUrls ?? [],
    logRetention: props.logRetention ?? logs.RetentionDays.ONE_YEAR,
    driftAlarmThreshold: props.driftAlarmThreshold ?? 1,
    createDashboard: props.createDashboard ?? true,
    organizationTrail: props.organizationTrail ?? false,
    trailName: props.trailName ?? generatedName(scope, 128),
    trailLogRetention: props.trailLogRetention ?? Duration.days(365),
    removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    assetsDirectory: props.assetsDirectory ?? defaultAssetsDirectory(),
  };
}

/**
 * A name unique to the construct's path, known at synthesis (not a token): forwarders and key
 * policies can name the resource before it exists, and two instances never collide.
 */
function generatedName(scope: IConstruct, maxLength: number): string {
  return Names.uniqueResourceName(scope, { maxLength, separator: '-' });
}
