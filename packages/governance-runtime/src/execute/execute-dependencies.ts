/**
 * What the operations worker needs to execute one queued operation.
 */
import type { AuditLog } from '../ports/audit-log';
import type { IdentityCenterPort } from '../ports/identity-center-port';
import type { OperationQueue } from '../ports/operation-queue';
import type { OrganizationsPort } from '../ports/organizations-port';
import type { ProvisionedStateRepository } from '../ports/provisioned-state-repository';
import type { Clock } from '../clock';
import type { FailureReporter } from '../failure-reporter';
import type { IdentityCenterQuota } from '../quota/identity-center-quota';
import type { RulesSource } from '../rules/rules-source';
import type { AssignmentPollingSettings } from './execution-settings';

/**
 * The ports and settings of {@link executeOperation}. Narrow `Pick`s, so tests and the
 * benchmark provide only what is used.
 */
export interface ExecuteOperationDependencies {
  readonly organizations: Pick<OrganizationsPort, 'attachPolicy' | 'detachPolicy'>;
  readonly identityCenter: Pick<
    IdentityCenterPort,
    | 'createAssignment'
    | 'deleteAssignment'
    | 'getCreationStatus'
    | 'getDeletionStatus'
    | 'listAssignments'
  >;
  readonly provisionedState: Pick<
    ProvisionedStateRepository,
    'getAccount' | 'recordApplied' | 'recordRemoved'
  >;
  readonly audit: Pick<AuditLog, 'append'>;
  /** Where status checks of still-running assignment requests are re-queued. */
  readonly queue: OperationQueue;
  readonly failures: FailureReporter;
  readonly quota: IdentityCenterQuota;
  /** For the tag keys recorded with provisioned items. */
  readonly rules: RulesSource;
  readonly clock: Clock;
  readonly polling: AssignmentPollingSettings;
}

/** Per-call options of {@link executeOperation}. */
export interface ExecuteOptions {
  /**
   * Epoch milliseconds after which no status poll starts (the Lambda invocation's end minus a
   * safety margin); a request still running then is re-queued. @default no deadline
   */
  readonly deadlineMs?: number;
  /**
   * `true` when the level-triggered check listed the live assignments just now and found the
   * assignment to create absent: the creation claim then skips its own listing (one Identity
   * Center read per creation, not two). @default false
   */
  readonly liveChecked?: boolean;
}
