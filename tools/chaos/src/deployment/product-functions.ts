/**
 * The product's functions as the chaos run deploys them: the real Lambda handlers of
 * `@org/handlers`, each wired from the environment the construct gives it (`createXDependencies`),
 * exactly as in Lambda — except that every AWS client they create acts as the moto management
 * account, sends DynamoDB calls to DynamoDB Local, and goes through the chaos edge of its
 * container. Waits (status polls, quota windows, rules cache) run on the chaos clock.
 */
import {
  createLogger,
  createNotifierDependencies,
  createOperationsWorkerHandler,
  createOrgEventsProcessorHandler,
  createProcessorDependencies,
  createReconcilerDependencies,
  createReconcilerHandler,
  createVendingNotifierHandler,
  createWorkerDependencies,
  type MemoryMetricsRecorder,
  type OperationsWorkerHandler,
  type OrgEventsProcessorHandler,
  type ReconcilerHandler,
  type VendingNotifierHandler,
  type WiringOptions,
} from '@org/handlers';
import type { HandlerFunctionName } from '@org/contracts';
import { type FunctionEnvironments, LOCAL_WEBHOOK_DELIVERY } from '@org/local-stack';
import type { QuotaStore } from '@org/governance-runtime';
import type { ChaosClock } from '../clock/chaos-clock';
import type { ChaosEdge } from '../edge/chaos-edge';
import { SimulatedContainer } from '../edge/simulated-container';
import type { EmulatorTarget } from './product-clients';
import { routeToEmulators } from './route-to-emulators';

/** Everything the functions share. */
export interface ProductEnvironment {
  /** Each function's environment variables (what the construct sets, `HANDLER_ENV`). */
  readonly environments: FunctionEnvironments;
  readonly target: EmulatorTarget;
  readonly edge: ChaosEdge;
  /** The run's sped-up clock (its scale decides how much API time a deadline gets back). */
  readonly clock: ChaosClock;
  /** The Identity Center quota every worker shares (DynamoDB in the deployed system). */
  readonly quotaStore: QuotaStore;
  readonly metrics: MemoryMetricsRecorder;
}

/** A function instance: its handler and the container it runs in. */
export interface Deployed<Handler> {
  readonly container: SimulatedContainer;
  readonly handler: Handler;
}

let containers = 0;

/** A new container of `functionName` and the wiring options that put its clients behind the edge. */
export function openContainer(
  env: ProductEnvironment,
  functionName: HandlerFunctionName,
): { container: SimulatedContainer; wiring: WiringOptions } {
  containers += 1;
  const container = new SimulatedContainer(`${functionName}#${containers}`, () => env.clock.scale);
  const wiring: WiringOptions = {
    observability: {
      logger: createLogger(functionName, env.environments[functionName], 'SILENT'),
      metrics: env.metrics,
    },
    clock: env.clock,
    quotaStore: env.quotaStore,
    webhook: LOCAL_WEBHOOK_DELIVERY,
    customizeClient: (client) => {
      routeToEmulators(client, env.target);
      env.edge.install(client, container);
    },
  };
  return { container, wiring };
}

/** A new org events processor container. */
export function deployProcessor(env: ProductEnvironment): Deployed<OrgEventsProcessorHandler> {
  const { container, wiring } = openContainer(env, 'org-events-processor');
  const deps = createProcessorDependencies(env.environments['org-events-processor'], wiring);
  return { container, handler: createOrgEventsProcessorHandler(deps) };
}

/** A new vending notifier container. */
export function deployNotifier(env: ProductEnvironment): Deployed<VendingNotifierHandler> {
  const { container, wiring } = openContainer(env, 'vending-notifier');
  const deps = createNotifierDependencies(env.environments['vending-notifier'], wiring);
  return { container, handler: createVendingNotifierHandler(deps) };
}

/** A new operations worker container. */
export function deployWorker(env: ProductEnvironment): Deployed<OperationsWorkerHandler> {
  const { container, wiring } = openContainer(env, 'operations-worker');
  const deps = createWorkerDependencies(env.environments['operations-worker'], wiring);
  return { container, handler: createOperationsWorkerHandler(deps) };
}

/** A new reconciler container. */
export function deployReconciler(env: ProductEnvironment): Deployed<ReconcilerHandler> {
  const { container, wiring } = openContainer(env, 'reconciler');
  const deps = createReconcilerDependencies(env.environments['reconciler'], wiring);
  return { container, handler: createReconcilerHandler(deps) };
}
