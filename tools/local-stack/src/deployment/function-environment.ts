import {
  constructEnvironment,
  type ConstructVariableValues,
  HANDLER_ENV,
  type HandlerFunctionName,
} from '@org/contracts';
import { type LocalNames, type LocalResources, MAX_RECEIVE_COUNT } from './local-resources';

/** The environment of each of the four functions. */
export type FunctionEnvironments = Readonly<
  Record<HandlerFunctionName, Readonly<Record<string, string>>>
>;

/** What a local deployment knows when it sets the functions' environment. */
export interface FunctionEnvironmentInput {
  /** The emulator every AWS client is sent to (`AWS_ENDPOINT_URL`). */
  readonly endpoint: string;
  readonly names: LocalNames;
  readonly resources: Pick<LocalResources, 'operationsQueueUrl' | 'failureTopicArn'>;
  readonly instance: { readonly instanceArn: string; readonly identityStoreId: string };
  /** Construct settings over the local ones (status wait 5 s, redrive limit 5, the rest unset). */
  readonly settings?: Partial<ConstructVariableValues>;
}

/**
 * The environment of each function as the construct sets it — the contract's
 * `constructEnvironment`, so each function gets exactly the variables it reads — plus what
 * Lambda sets (`AWS_REGION`) and the emulator endpoint a local run adds.
 *
 * @example
 * ```ts
 * const envs = functionEnvironments({ endpoint, names: LOCAL_NAMES, resources, instance });
 * createWorkerDependencies(envs['operations-worker'], wiring);
 * ```
 */
export function functionEnvironments(input: FunctionEnvironmentInput): FunctionEnvironments {
  const values: ConstructVariableValues = {
    rulesTable: input.names.tables.rules,
    stateTable: input.names.tables.state,
    auditTable: input.names.tables.audit,
    idempotencyTable: input.names.tables.idempotency,
    tagLedgerTable: input.names.tables.tagLedger,
    operationsQueueUrl: input.resources.operationsQueueUrl,
    failureTopicArn: input.resources.failureTopicArn,
    ssoInstanceArn: input.instance.instanceArn,
    identityStoreId: input.instance.identityStoreId,
    statusWaitSeconds: '5',
    operationsMaxReceiveCount: String(MAX_RECEIVE_COUNT),
    ...input.settings,
  };
  const local = { [HANDLER_ENV.region]: 'us-east-1', [HANDLER_ENV.endpointUrl]: input.endpoint };
  const environment = (name: HandlerFunctionName): Readonly<Record<string, string>> => ({
    ...local,
    ...constructEnvironment(name, values),
  });
  return {
    'org-events-processor': environment('org-events-processor'),
    'operations-worker': environment('operations-worker'),
    'vending-notifier': environment('vending-notifier'),
    reconciler: environment('reconciler'),
  };
}
