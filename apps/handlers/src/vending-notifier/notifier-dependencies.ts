import {
  SecretsManagerSecretProvider,
  SupportCaseNotifier,
  WebhookNotifier,
} from '@org/aws-adapters/notifiers';
import { documentClient, secretsManagerClient, supportClient } from '../shared/aws/clients';
import { organizationsAdapter } from '../shared/aws/identity-center';
import {
  auditLog,
  failureTopic,
  onceMarkers,
  rulesSource,
  topicPublisher,
} from '../shared/aws/state-ports';
import type { Environment } from '@org/contracts';
import { readNotifierConfig } from '../shared/config/handler-config';
import { createLambdaObservability } from '../shared/observability/observability';
import { systemClock } from '../shared/system-clock';
import type { WiringOptions } from '../shared/wiring-options';
import type { VendingNotifierDependencies } from './vending-notifier-handler';

/** The function name (log key, user agent). */
export const VENDING_NOTIFIER = 'vending-notifier';

/**
 * Reads the notifier's configuration and creates its clients and adapters (cold start):
 * Organizations (the vended account is re-read), DynamoDB (rules, once-only markers, audit),
 * AWS Support (us-east-1), Secrets Manager (webhook signing secrets) and SNS (notification
 * topics and the failure topic). No Identity Center, Identity Store or SQS client: the notifier
 * plans and sends notifications only.
 *
 * @throws {HandlerEnvironmentError} when the environment is incomplete.
 * @example
 * ```ts
 * export const handler = createVendingNotifierHandler(createNotifierDependencies(process.env));
 * ```
 */
export function createNotifierDependencies(
  env: Environment,
  options: WiringOptions = {},
): VendingNotifierDependencies {
  const config = readNotifierConfig(env);
  const clock = options.clock ?? systemClock;
  const target = {
    config,
    functionName: VENDING_NOTIFIER,
    customizeClient: options.customizeClient,
  };
  const documents = documentClient(target);
  const markers = onceMarkers(documents, config, clock);
  const topics = topicPublisher(target);
  return {
    plan: {
      organizations: organizationsAdapter(target),
      rules: rulesSource(documents, config, clock),
    },
    notify: {
      support: new SupportCaseNotifier(supportClient(target), markers),
      webhook: new WebhookNotifier(
        new SecretsManagerSecretProvider(secretsManagerClient(target)),
        options.webhook,
      ),
      topics,
      markers,
      audit: auditLog(documents, config),
      clock,
    },
    failures: failureTopic(topics, config),
    markers,
    observability: options.observability ?? createLambdaObservability(VENDING_NOTIFIER, env),
  };
}
