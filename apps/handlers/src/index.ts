/**
 * `@org/handlers`: the four Lambda functions as factories (a handler from its dependencies) and
 * their wiring (dependencies from the environment). Lambda runs the bundles built from
 * `<function>/index.ts`; the local stack (tools/local-stack), the chaos run and tests call the
 * factories directly.
 */
export { createOrgEventsProcessorHandler } from './org-events-processor/org-events-processor-handler';
export type {
  OrgEventsProcessorDependencies,
  OrgEventsProcessorHandler,
  ProcessedEventSummary,
} from './org-events-processor/org-events-processor-handler';
export {
  createProcessorDependencies,
  ORG_EVENTS_PROCESSOR,
} from './org-events-processor/processor-dependencies';
export { createOperationsWorkerHandler } from './operations-worker/operations-worker-handler';
export type {
  OperationsWorkerDependencies,
  OperationsWorkerHandler,
} from './operations-worker/operations-worker-handler';
export {
  createWorkerDependencies,
  OPERATIONS_WORKER,
  WORKER_OU_READS,
} from './operations-worker/worker-dependencies';
export { createVendingNotifierHandler } from './vending-notifier/vending-notifier-handler';
export type {
  NotifiedEventSummary,
  VendingNotifierDependencies,
  VendingNotifierHandler,
} from './vending-notifier/vending-notifier-handler';
export {
  createNotifierDependencies,
  VENDING_NOTIFIER,
} from './vending-notifier/notifier-dependencies';
export { createReconcilerHandler } from './reconciler/reconciler-handler';
export type {
  ReconcilerDependencies,
  ReconcilerHandler,
  ReconcileSummary,
} from './reconciler/reconciler-handler';
export { createReconcilerDependencies, RECONCILER } from './reconciler/reconciler-dependencies';
export {
  parseReconcileRequest,
  InvalidReconcileRequestError,
} from './reconciler/reconcile-request';
export {
  type HandlerConfig,
  readNotifierConfig,
  readProcessorConfig,
  readReconcilerConfig,
  readWorkerConfig,
} from './shared/config/handler-config';
export * from './shared/errors';
export {
  MemoryMetricsRecorder,
  type MetricRecord,
  type MetricsRecorder,
} from './shared/observability/metrics-recorder';
export {
  EmfMetricsRecorder,
  type EmfMetricsRecorderOptions,
} from './shared/observability/emf-metrics-recorder';
export {
  createLambdaObservability,
  createLogger,
  type LogLevel,
  type Observability,
} from './shared/observability/observability';
export { quotaAwareRetryPolicy } from './shared/quota/quota-aware-retry-policy';
export { systemClock } from './shared/system-clock';
export { type ClientCustomizer, type ClientTarget, documentClient } from './shared/aws/clients';
export {
  directoryAdapter,
  identityCenterAdapter,
  identityCenterTarget,
  organizationsAdapter,
} from './shared/aws/identity-center';
export { directoryViewStore } from './shared/aws/state-ports';
export { deliveryLeaseMs } from './shared/delivery-lease';
export type { WiringOptions } from './shared/wiring-options';
