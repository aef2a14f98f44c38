/**
 * The four functions of {@link OrgGovernance} wired to what drives them: the operations queue
 * feeds the worker, the reconcile state machine runs the reconciler, the event rules and the
 * schedule reach the processor, the notifier and the state machine.
 */
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import type { DeploymentGrants } from '@org/contracts';
import { GovernanceEventRouting } from '../../events/governance-event-routing';
import { acknowledgeGovernanceFindings } from '../../nag/compliance-acknowledgements';
import { ReconcileStateMachine } from '../../reconcile/reconcile-state-machine';
import type { CoreResources } from './core-resources';
import { GovernanceFunctions } from '../governance-functions';
import { admitOperationSenders } from '../operation-senders';
import type { OrgGovernanceProps } from '../org-governance-props';
import type { ResolvedOrgGovernanceProps } from '../resolve-org-governance-props';

/** What {@link wireGovernanceFunctions} creates. */
export interface WiredFunctions {
  /** Org events processor. */
  readonly processor: lambda.Function;
  /** Operations worker. */
  readonly worker: lambda.Function;
  /** Vending notifier. */
  readonly notifier: lambda.Function;
  /** Reconciler: the steps of a reconcile run. */
  readonly reconciler: lambda.Function;
  /** The reconcile run (its grants include the key of its execution history). */
  readonly reconcile: ReconcileStateMachine;
  /** The central bus, the rules to the functions and the reconcile schedule. */
  readonly routing: GovernanceEventRouting;
}

/**
 * Creates the functions with their permissions, admits the enqueuing ones to the operations
 * queue, creates the reconcile state machine, subscribes the worker to the operations queue
 * (batches with partial failures, bounded by `workerMaxConcurrency`), routes the events and the
 * schedule, and lets the schedule start reconcile runs — in this order, under `scope`.
 *
 * @example
 * ```ts
 * const fns = wireGovernanceFunctions(this, props, settings, grants, core);
 * ```
 */
export function wireGovernanceFunctions(
  scope: Construct,
  props: OrgGovernanceProps,
  settings: ResolvedOrgGovernanceProps,
  grants: DeploymentGrants,
  core: CoreResources,
): WiredFunctions {
  const { key, tables, operations, failedEvents, topic } = core;
  const fns = new GovernanceFunctions(scope, 'Functions', {
    ...settings,
    functions: {
      ...props.functions,
      worker: {
        reservedConcurrentExecutions: props.workerReservedConcurrency,
        ...props.functions?.worker,
      },
    },
    metricsNamespace: props.metricsNamespace,
    grants,
    tables: {
      rules: tables.rules,
      state: tables.state,
      audit: tables.audit,
      idempotency: tables.idempotency,
      tagLedger: tables.tagLedger,
    },
    operationsQueue: operations.queue,
    failedEventsQueue: failedEvents,
    failureTopic: topic,
    encryptionKey: key,
  }).functions;
  const processor = fns['org-events-processor'].function;
  const worker = fns['operations-worker'].function;
  const notifier = fns['vending-notifier'].function;
  const reconciler = fns.reconciler.function;
  admitOperationSenders(operations, fns);
  const reconcile = new ReconcileStateMachine(scope, 'Reconcile', {
    reconciler,
    encryptionKey: key,
    logRetention: settings.logRetention,
    removalPolicy: settings.removalPolicy,
  });

  acknowledgeGovernanceFindings(scope, worker);
  worker.addEventSource(
    new sources.SqsEventSource(operations.queue, {
      batchSize: settings.workerBatchSize,
      reportBatchItemFailures: true,
      // Bounds the worker without a reservation (a reservation below this would throttle
      // receives, and throttled receives count towards maxReceiveCount).
      maxConcurrency: settings.workerMaxConcurrency,
    }),
  );

  const routing = new GovernanceEventRouting(scope, 'Events', {
    notifiedEvents: grants.notifiedEvents,
    eventBusName: settings.eventBusName,
    consumeDefaultBus: settings.consumeDefaultBus,
    identityCenterRegion: settings.identityCenterRegion,
    reconcileSchedule: settings.reconcileSchedule,
    processor,
    notifier,
    reconcileStateMachine: reconcile.stateMachine,
    deadLetterQueue: failedEvents,
  });
  // The schedule's starts encrypt the run's input under the key (the encryption context names the state machine).
  reconcile.grantStartExecution(routing.scheduleRole);
  return { processor, worker, notifier, reconciler, reconcile, routing };
}
