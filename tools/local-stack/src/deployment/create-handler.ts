import type { HandlerFunctionName } from '@org/contracts';
import {
  createNotifierDependencies,
  createOperationsWorkerHandler,
  createOrgEventsProcessorHandler,
  createProcessorDependencies,
  createReconcilerDependencies,
  createReconcilerHandler,
  createVendingNotifierHandler,
  createWorkerDependencies,
  type OperationsWorkerHandler,
  type OrgEventsProcessorHandler,
  type ReconcilerHandler,
  type VendingNotifierHandler,
  type WiringOptions,
} from '@org/handlers';

/** The handler each product function runs. */
export interface HandlerOf {
  readonly 'org-events-processor': OrgEventsProcessorHandler;
  readonly 'operations-worker': OperationsWorkerHandler;
  readonly 'vending-notifier': VendingNotifierHandler;
  readonly reconciler: ReconcilerHandler;
}

type HandlerFactories = {
  readonly [Name in HandlerFunctionName]: (
    environment: Readonly<Record<string, string>>,
    wiring: WiringOptions,
  ) => HandlerOf[Name];
};

const FACTORIES: HandlerFactories = {
  'org-events-processor': (environment, wiring) =>
    createOrgEventsProcessorHandler(createProcessorDependencies(environment, wiring)),
  'operations-worker': (environment, wiring) =>
    createOperationsWorkerHandler(createWorkerDependencies(environment, wiring)),
  'vending-notifier': (environment, wiring) =>
    createVendingNotifierHandler(createNotifierDependencies(environment, wiring)),
  reconciler: (environment, wiring) =>
    createReconcilerHandler(createReconcilerDependencies(environment, wiring)),
};

/**
 * The real handler of the function `name`, wired from its environment (what the construct sets)
 * exactly as in Lambda, with `wiring` (clients, clock, quota store, observability) for the local
 * run: what `npm start` and the chaos run deploy.
 *
 * @example
 * ```ts
 * const worker = createHandler('operations-worker', environments['operations-worker'], wiring);
 * ```
 */
export function createHandler<Name extends HandlerFunctionName>(
  name: Name,
  environment: Readonly<Record<string, string>>,
  wiring: WiringOptions,
): HandlerOf[Name] {
  const factory: HandlerFactories[Name] = FACTORIES[name];
  return factory(environment, wiring);
}
