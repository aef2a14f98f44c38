import { CreateTopicCommand } from '@aws-sdk/client-sns';
import type { GovernanceConfig, NotificationTarget } from '@org/scope-engine';
import type { MotoClients } from '@org/emulators';

/** Where a local run sends notifications instead of the configured endpoints. */
export interface LocalNotificationTargets {
  /** The local webhook receiver's URL. */
  readonly webhookUrl: string;
  /** The emulator secret the receiver verifies signatures with. */
  readonly webhookSecretArn: string;
}

/**
 * Points a configuration's notifications at the emulator: webhooks go to the local receiver
 * (signed with the emulator secret), SNS targets to topics of the same name created in the
 * emulator. Support cases need no change (moto implements `CreateCase`). Nothing leaves the
 * machine.
 *
 * @example
 * ```ts
 * const local = await localizeNotifications(config, moto, { webhookUrl: receiver.url, webhookSecretArn });
 * ```
 */
export async function localizeNotifications(
  config: GovernanceConfig,
  moto: Pick<MotoClients, 'sns'>,
  targets: LocalNotificationTargets,
): Promise<GovernanceConfig> {
  const notifications = [];
  for (const notification of config.notifications) {
    let target: NotificationTarget = notification.target;
    if (target.type === 'webhook') {
      target = { ...target, url: targets.webhookUrl, secretArn: targets.webhookSecretArn };
    } else if (target.type === 'sns') {
      const name = target.topicArn.split(':').pop() ?? notification.id;
      const created = await moto.sns.send(new CreateTopicCommand({ Name: name }));
      target = { ...target, topicArn: created.TopicArn ?? target.topicArn };
    }
    notifications.push({ ...notification, target });
  }
  return { ...config, notifications };
}
