import {
  SecretsManagerSecretProvider,
  SupportCaseNotifier,
  WebhookNotifier,
} from '@org/aws-adapters/notifiers';
import { secretsManagerClient, supportClient } from '../shared/aws/clients';
import { organizationReaders } from '../shared/aws/organization-readers';
import { StatePorts } from '../shared/aws/state-ports';
import type { Environment } from '../shared/config/env-reader';
import { readHandlerConfig } from '../shared/config/handler-config';
import { createLambdaObservability } from '../shared/observability/observability';
import { systemClock } from '../shared/system-clock';
import type { WiringOptions } from '../shared/wiring-options';
import type { VendingNotifierDependencies } from './vending-notifier-handler';

/** The function name (log key, user agent). */
export const VENDING_NOTIFIER = 'vending-notifier';

/**
 * Reads the notifier's configuration and creates its clients and adapters (cold start): the
 * processor's, plus AWS Support (us-east-1), Secrets Manager for webhook secrets and SNS.
 *
 * @throws {HandlerConfigError} when the environment is incomplete.
 * @example
 * ```ts
 * export const handler = createVendingNotifierHandler(createNotifierDependencies(process.env));
 * ```
 */
export function createNotifierDependencies(
  env: Environment,
  options: WiringOptions = {},
): VendingNotifierDependencies {
  const config = readHandlerConfig(env, VENDING_NOTIFIER);
  const clock = options.clock ?? systemClock;
  const target = {
    config,
    functionName: VENDING_NOTIFIER,
    customizeClient: options.customizeClient,
  };
  const state = new StatePorts(target, clock);
  const markers = state.markers();
  const audit = state.audit();
  return {
    process: {
      ...organizationReaders(target),
      provisionedState: state.provisionedState(),
      rules: state.rules(),
      queue: state.queue(),
      audit,
      clock,
    },
    notify: {
      support: new SupportCaseNotifier(supportClient(target), markers),
      webhook: new WebhookNotifier(new SecretsManagerSecretProvider(secretsManagerClient(target))),
      topics: state.topicPublisher(),
      markers,
      audit,
      clock,
    },
    failures: state.failures(),
    markers,
    observability: options.observability ?? createLambdaObservability(VENDING_NOTIFIER, env),
  };
}
