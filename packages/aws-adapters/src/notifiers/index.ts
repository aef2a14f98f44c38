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
  type WebhookDelivery,
  type WebhookNotifierOptions,
} from './webhook-notifier';
export {
  type FetchFunction,
  type PinnedHttpsOptions,
  type WebhookFetchInit,
  pinnedHttpsFetch,
} from './webhook-destination/pinned-https-fetch';
export {
  type DestinationCheck,
  type DestinationPolicy,
  type HostResolver,
  type ResolvedAddress,
  checkDestination,
  checkWebhookUrl,
  systemResolver,
} from './webhook-destination/check-destination';
export { type AddressClass, classifyAddress } from './webhook-destination/address-class';
export { type RotatingSecretValue, signingSecretsOf } from './signing-secrets';
export {
  SecretsManagerSecretProvider,
  type SecretsManagerSecretProviderOptions,
  type SecretProvider,
} from './secret-provider';
export { REDACTED_SEGMENT, redactUrl, redactUrlsIn } from './redact-url';
export {
  DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  type SignatureRefusal,
  type VerifyWebhookSignatureInput,
  type WebhookSignatureCheck,
  signatureHeader,
  verifyWebhookSignature,
} from './webhook-signature';
export { SnsTopicPublisher } from './sns-topic-publisher';
export { DEFAULT_SNS_SUBJECT, SNS_SUBJECT_MAX_LENGTH, toSnsSubject } from './sns-subject';
