/**
 * `@org/aws-adapters/notifiers`: Support cases, signed webhooks, SNS topics.
 */
export {
  SupportCaseNotifier,
  type SupportCaseNotifierOptions,
  supportCaseMarker,
} from './support-case-notifier';
export {
  WebhookNotifier,
  type WebhookNotifierOptions,
  type FetchFunction,
} from './webhook-notifier';
export {
  SecretsManagerSecretProvider,
  type SecretsManagerSecretProviderOptions,
  type SecretProvider,
} from './secret-provider';
export { REDACTED_SEGMENT, redactUrl, redactUrlsIn } from './redact-url';
export { SIGNATURE_HEADER, signBody, verifySignature } from './webhook-signature';
export { SnsTopicPublisher } from './sns-topic-publisher';
export { DEFAULT_SNS_SUBJECT, SNS_SUBJECT_MAX_LENGTH, toSnsSubject } from './sns-subject';
