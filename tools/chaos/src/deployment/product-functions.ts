/**
 * The product's functions as the chaos run deploys them: the real Lambda handlers of
 * `@org/handlers`, each wired from the environment the construct gives it (`createHandler`),
 * exactly as in Lambda — except that every AWS client they create acts as the moto management
 * account, sends DynamoDB calls to DynamoDB Local, and goes through the chaos edge of its
 * container. Waits (status polls, quota windows, rules cache) run on the chaos clock.
 */
import { createLogger, type MemoryMetricsRecorder, type WiringOptions } from '@org/handlers';
import type { HandlerFunctionName } from '@org/contracts';
import {
  createHandler,
  type FunctionEnvironments,
  type HandlerOf,
  LOCAL_WEBHOOK_DELIVERY,
} from '@org/local-stack';
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

/**
 * A new container of the function `name`, running its real handler wired from the function's
 * environment with the container's clients (see {@link openContainer}).
 *
 * @example
 * ```ts
 * const worker = deployFunction(env, 'operations-worker');
 * await worker.handler({ Records: records }, context);
 * ```
 */
export function deployFunction<Name extends HandlerFunctionName>(
  env: ProductEnvironment,
  name: Name,
): Deployed<HandlerOf[Name]> {
  const { container, wiring } = openContainer(env, name);
  return { container, handler: createHandler(name, env.environments[name], wiring) };
}
