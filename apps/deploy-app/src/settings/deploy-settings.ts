/**
 * Deploy settings (`deploy.json`): where the central stack goes, the management account, the
 * Control Tower home region and who hears about failures.
 */

/**
 * Where and how to deploy. Example: `apps/deploy-app/deploy.json`.
 *
 * @example
 * ```json
 * { "account": "111111111111", "region": "us-east-1", "managementAccountId": "111111111111",
 *   "organizationId": "o-exampleorg1", "controlTowerHomeRegion": "eu-west-1",
 *   "failureNotificationEmails": ["platform-oncall@example.com"] }
 * ```
 */
export interface DeploySettings {
  /** Account of the central stack (the management account, or a delegated administrator). */
  readonly account: string;
  /** Region of the central stack. */
  readonly region: string;
  /** The organization's management account (where Organizations and Control Tower events arise). */
  readonly managementAccountId: string;
  /** The organization id; required when the central stack is not in the management account. */
  readonly organizationId?: string;
  /** Control Tower home region, when Control Tower is used. */
  readonly controlTowerHomeRegion?: string;
  /**
   * IAM Identity Center home region: its and the Identity Store's events are forwarded from there
   * (management account) unless the central stack listens there itself.
   * @default - the central stack's region, nothing forwarded
   */
  readonly identityCenterHomeRegion?: string;
  /**
   * Regions of the management account that get an event forwarder.
   * @default us-east-1 and the Control Tower and Identity Center home regions, minus where the central stack listens itself
   */
  readonly forwarderRegions?: readonly string[];
  /** E-mail addresses subscribed to the failure topic. */
  readonly failureNotificationEmails: readonly string[];
  /** https endpoints subscribed to the failure topic. */
  readonly failureNotificationUrls: readonly string[];
  /**
   * IAM roles of operators that may send to the operations queue (`orgctl reconcile --apply
   * --queue-url`, `orgctl rules apply --queue-url`, `orgctl redrive`): the queue policy denies
   * every other principal but the product's own roles.
   * @default none
   */
  readonly operatorRoleArns?: readonly string[];
  /** Role for SSO Admin / Identity Store calls in a delegated-administrator account. */
  readonly identityCenterRoleArn?: string;
  /** Identity Center instance ARN (otherwise discovered). */
  readonly ssoInstanceArn?: string;
  /** Identity Store id (otherwise discovered). */
  readonly identityStoreId?: string;
  /** Create the organization trail (requires organizationId). */
  readonly organizationTrail: boolean;
  /** Prefix of every stack name. */
  readonly stackNamePrefix: string;
}
