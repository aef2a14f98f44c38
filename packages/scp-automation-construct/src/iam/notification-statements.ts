/**
 * IAM statements of the notification targets (docs/configuration.md#notifications): Support cases, webhook secrets and SNS
 * topics named in the governance configuration.
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import { deploymentGrantsOf, type GovernanceConfigLike } from '@org/contracts';

/**
 * support:CreateCase (the notifier only opens cases; once-only delivery is the idempotency table's
 * job, so no DescribeCases). `Resource: '*'`: AWS Support has no resource-level permissions.
 *
 * @example
 * ```ts
 * notifier.addToRolePolicy(supportCaseStatement());
 * ```
 */
export function supportCaseStatement(): iam.PolicyStatement {
  return new iam.PolicyStatement({
    sid: 'OpenSupportCases',
    actions: ['support:CreateCase'],
    resources: ['*'],
  });
}

/** Secrets Manager appends `-` and six characters to a secret's name in its full ARN. */
const FULL_SECRET_ARN_SUFFIX = /-[A-Za-z0-9]{6}$/;

/** The IAM resource of a secret ARN: exact when complete, else `<arn>-??????`. */
function secretResource(secretArn: string): string {
  return FULL_SECRET_ARN_SUFFIX.test(secretArn) ? secretArn : `${secretArn}-??????`;
}

/** What the configuration's notifications need. */
export interface NotificationTargets {
  /** Some notification opens a Support case. */
  readonly supportCase: boolean;
  /** Secret ARNs of the webhook targets (sorted, distinct). */
  readonly webhookSecretArns: readonly string[];
  /** Topic ARNs of the SNS targets (sorted, distinct). */
  readonly topicArns: readonly string[];
}

/**
 * The notification targets of a configuration.
 *
 * @example
 * ```ts
 * notificationTargets(config); // { supportCase: true, webhookSecretArns: [], topicArns: [] }
 * ```
 */
export function notificationTargets(config: GovernanceConfigLike): NotificationTargets {
  const { supportCase, webhookSecretArns, topicArns } = deploymentGrantsOf(config);
  return { supportCase, webhookSecretArns, topicArns };
}

/**
 * Statements for the configured notification targets: Support cases only when a notification
 * opens one, GetSecretValue on exactly the webhook secrets, Publish on exactly the SNS topics.
 *
 * @example
 * ```ts
 * for (const statement of notificationStatements(notificationTargets(config))) notifier.addToRolePolicy(statement);
 * ```
 */
export function notificationStatements(targets: NotificationTargets): iam.PolicyStatement[] {
  const statements: iam.PolicyStatement[] = [];
  if (targets.supportCase) statements.push(supportCaseStatement());
  if (targets.webhookSecretArns.length > 0) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'ReadWebhookSecrets',
        actions: ['secretsmanager:GetSecretValue'],
        resources: targets.webhookSecretArns.map(secretResource),
      }),
    );
  }
  if (targets.topicArns.length > 0) {
    statements.push(
      new iam.PolicyStatement({
        sid: 'PublishToNotificationTopics',
        actions: ['sns:Publish'],
        resources: [...targets.topicArns],
      }),
    );
  }
  return statements;
}
