/**
 * `@org/local-stack`: the product deployed into moto and driven locally — the resources the
 * construct creates, the four real handlers wired from the environment it gives them, EventBridge
 * style delivery, the FIFO queue drained through the worker, and the read-back of the effective
 * state. `npm start` runs it on examples/ (src/run/run-local-pipeline.ts); the chaos run builds
 * its deployment from the same parts.
 */
export {
  createLocalDeployment,
  type LocalDeployment,
  type LocalDeploymentOptions,
  type LocalHandlers,
} from './deployment/local-deployment';
export { createHandler, type HandlerOf } from './deployment/create-handler';
export {
  capturedTopic,
  createLocalResources,
  LOCAL_NAMES,
  type LocalNames,
  localNames,
  type LocalResources,
  type LocalResourcesOptions,
  MAX_RECEIVE_COUNT,
} from './deployment/local-resources';
export {
  type FunctionEnvironmentInput,
  type FunctionEnvironments,
  functionEnvironments,
} from './deployment/function-environment';
export { useEmulatorCredentials } from './deployment/emulator-credentials';
export { localizeNotifications, type LocalNotificationTargets } from './deployment/localize-config';
export { seedProvisionedState } from './deployment/seed-provisioned-state';
export { storeDirectoryView } from './deployment/store-directory-view';
export { replayEvents, type ReplayedEvent } from './events/replay-events';
export { routeEvent, type LocalTarget } from './events/route-event';
export { toExampleText, translateEvent } from './events/translate-event';
export { readEffectiveState, toExampleIds } from './report/effective-state';
export { drainOperationsQueue, type DrainResult } from './runtime/drain-operations-queue';
export { invokeAsync, type AsyncInvocation } from './runtime/invoke-async';
export { receiveOneMessage, toSqsRecord } from './runtime/sqs-record';
export { localLambdaContext, type LocalLambdaContextOptions } from './runtime/lambda-context';
export {
  LOCAL_WEBHOOK_DELIVERY,
  startWebhookReceiver,
  type ReceivedWebhook,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from './runtime/webhook-receiver';
export {
  exampleConfig,
  exampleEvent,
  exampleOrg,
  examplesDir,
  workspaceRoot,
} from './run/examples';
