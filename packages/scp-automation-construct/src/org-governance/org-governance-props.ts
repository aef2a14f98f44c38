/**
 * Props of the {@link OrgGovernance} construct.
 */
import type { RemovalPolicy } from 'aws-cdk-lib';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { GovernanceConfigLike } from '@org/contracts';
import type { GovernanceConfigSource } from '../config/governance-config-source';
import type { OrgGovernanceOptions } from './org-governance-options';
import type { OrgGovernanceIdentityCenterProps } from './props/identity-center-props';
import type { OrgGovernanceOversightProps } from './props/oversight-props';
import type { OrgGovernanceProcessingProps } from './props/processing-props';

/** Log level of the Lambda functions (Powertools logger). */
export enum HandlerLogLevel {
  /** Everything, including each API call's parameters. */
  DEBUG = 'DEBUG',
  /** One line per event, plan and operation. */
  INFO = 'INFO',
  /** Skips, retries and ignored events. */
  WARN = 'WARN',
  /** Failures only. */
  ERROR = 'ERROR',
}

/**
 * Props of {@link OrgGovernance}. Only `config` is required.
 *
 * @example
 * ```ts
 * const props: OrgGovernanceProps = {
 *   config: GovernanceConfigSource.fromFile('governance.yaml'),
 *   organizationId: 'o-exampleorg1',
 *   failureNotificationEmails: ['platform-oncall@example.com'],
 * };
 * ```
 */
export interface OrgGovernanceProps
  extends
    OrgGovernanceOptions,
    OrgGovernanceIdentityCenterProps,
    OrgGovernanceProcessingProps,
    OrgGovernanceOversightProps {
  /**
   * The governance configuration (docs/configuration.md): the file `orgctl rules apply` stores
   * (`GovernanceConfigSource.fromFile('governance.yaml')`), its text, or only what the deployment
   * depends on (`GovernanceConfigSource.fromGrants`). It scopes the notifier's permissions
   * (Support cases, exactly the webhook secrets and SNS topics it names), adds role provisioning
   * in the management account only with `includeManagementAccount`, and decides which
   * Organizations events also reach the notifier. The rules table is tagged with these grants
   * (and the stack outputs their hash, `GovernanceConfigHash`): `orgctl rules apply` refuses a
   * file that needs more than the deployed stack grants.
   * @default - `governanceConfig` (one of the two is required)
   */
  readonly config?: GovernanceConfigSource;

  /**
   * The validated governance configuration (docs/configuration.md). It scopes the functions' permissions
   * (Support cases, exactly the webhook secrets and SNS topics it names, role provisioning in the
   * management account only with `includeManagementAccount`) and decides which Organizations
   * events also reach the notifier. The rules themselves are stored in the rules table by
   * `orgctl rules apply` — the one writer of that table's layout, which also reconciles the
   * accounts a change affects (deploy-app's `deploy` target runs it after `cdk deploy`).
   * @default - `config` (one of the two is required)
   * @deprecated use `config: GovernanceConfigSource.fromFile('governance.yaml')` — the same file
   * `orgctl rules apply` stores, read and validated at synthesis.
   */
  readonly governanceConfig?: GovernanceConfigLike;

  /**
   * The organization's management account id.
   * @default - the account of the stack (the construct is deployed in the management account)
   */
  readonly managementAccountId?: string;

  /**
   * The organization id. When set, the central event bus admits events from any account of the
   * organization (`aws:PrincipalOrgID`), and SCP permissions are limited to this organization.
   * Required when the stack is not in the management account (a delegated administrator): the
   * management account's forwarders could not put events on the bus otherwise.
   * @default - the bus admits only this account; permissions match any organization id
   */
  readonly organizationId?: string;

  /**
   * Create the rules on this account's default event bus too (deployments in us-east-1 of the
   * management account, or in the Control Tower home region, receive the events there).
   * @default true
   */
  readonly consumeDefaultBus?: boolean;

  /**
   * Name of the central event bus that `OrgEventForwarder`s send to (they address it by ARN:
   * `governance.eventBusName`, or `OrgGovernance.centralEventBusArn(account, region, name)`).
   * @default - generated from the construct path, known at synthesis (deploy-app sets 'org-governance')
   */
  readonly eventBusName?: string;

  /**
   * Retention of every log group (a function's `logRetention` overrides it).
   * @default RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * Log level of the functions.
   * @default HandlerLogLevel.INFO
   */
  readonly logLevel?: HandlerLogLevel;

  /**
   * What happens to the tables, queues, key and buckets when the stack is deleted.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Folder holding the Lambda bundles (`<function>/index.js`).
   * @default - the `assets/` folder shipped with this package
   */
  readonly assetsDirectory?: string;
}
