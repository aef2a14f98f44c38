/**
 * `@org/aws-adapters`: the engine's ports implemented with AWS SDK v3 clients.
 *
 * The root entry exports the retry policy, the typed errors and the utilities; each adapter
 * lives behind its own subpath so a Lambda bundles only the SDK clients it uses:
 * `@org/aws-adapters/organizations`, `/sso-admin`, `/identitystore`, `/dynamodb`, `/sqs`,
 * `/notifiers`.
 *
 * @example
 * ```ts
 * import { createClientConfig } from '@org/aws-adapters';
 * import { OrganizationsAdapter } from '@org/aws-adapters/organizations';
 * const organizations = new OrganizationsAdapter(
 *   new OrganizationsClient(createClientConfig({ region: 'us-east-1' })),
 * );
 * ```
 */
export * from './errors';
// Receivers verify webhook signatures without loading any SDK client: node:crypto only.
export {
  DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  type SignatureRefusal,
  type VerifyWebhookSignatureInput,
  type WebhookSignatureCheck,
  verifyWebhookSignature,
} from './notifiers/webhook-signature';
export type { MarkerClaim, MarkerState, TwoPhaseMarkerStore } from './markers';
export {
  ADAPTERS_VERSION,
  USER_AGENT,
  createClientConfig,
  type ClientConfigOptions,
  type SdkClientConfig,
  THROTTLING_ERROR_NAMES,
  TRANSIENT_ERROR_NAMES,
  classifyError,
  awsErrorName,
  type ErrorClass,
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  withRetries,
  type RetryPolicy,
  translateAwsError,
} from './retry';
export {
  createLimiter,
  mapWithConcurrency,
  type Limiter,
  canonicalJson,
  sha256OfCanonicalJson,
  ApiCallCounter,
  AsyncCache,
  budgetRequests,
  hasRateBudget,
  RATE_BUDGET_MIDDLEWARE,
  organizationsBudget,
  isReadCommand,
  type BudgetFor,
  type RequestBudget,
  type AsyncCacheOptions,
  compareStrings,
} from './util';
