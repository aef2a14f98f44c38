/**
 * The chaos edge: one SDK middleware on every AWS client of the product. In order, per call: a
 * crashed container's call fails; organization changes are logged for the safety guards; a fault
 * may be injected (before the call, or after its effect — a lost response); Identity Center
 * requests may be scripted (IN_PROGRESS for a while, FAILED); AWS semantics are restored over
 * moto (SCP and assignment answers, SQS FIFO's 5-minute deduplication of sent ids, the visibility
 * the worker sets on a message); changes that took effect are counted per round. The container
 * keeps how long its calls were in flight (see {@link SimulatedContainer.apiTimeCreditMs}).
 */
import type { Client, MetadataBearer } from '@smithy/types';
import type { AwsSemantics } from './aws-semantics';
import type { EdgeLedger } from './edge-ledger';
import type { FaultInjector } from './fault-injector';
import type { FifoDeduplication } from './fifo-deduplication';
import type { IdentityCenterScript } from './identity-center-script';
import type { MessageVisibility } from './message-visibility';
import { assignmentOf, type CallData, textField as text } from './call-data';
import { assignmentItemKey, IdentityCenterEdge } from './identity-center-edge';
import { assignmentTarget, changeKey } from './operation-key';
import { sdkError } from './sdk-errors';
import { GUARDED_COMMANDS, serviceOfClient, type ServiceName } from './services';
import type { SimulatedContainer } from './simulated-container';

type Data = CallData;

/** What the edge needs. */
export interface ChaosEdgeDependencies {
  readonly faults: FaultInjector;
  readonly script: IdentityCenterScript;
  readonly semantics: AwsSemantics;
  readonly ledger: EdgeLedger;
  /** SQS FIFO deduplication as AWS does it (moto only compares with queued messages). */
  readonly fifo: FifoDeduplication;
  /** The visibility the worker sets on received messages (its retry backoff). */
  readonly visibility: MessageVisibility;
  /** The audit table: a written operation entry means a record completed. */
  readonly auditTable: string;
}

/**
 * Puts the chaos between the product and moto.
 *
 * @example
 * ```ts
 * const edge = new ChaosEdge({ faults, script, semantics, ledger, fifo, visibility, auditTable: 'chaos-audit' });
 * edge.install(organizationsClient, 'organizations', container);
 * edge.round = 3;
 * ```
 */
export class ChaosEdge {
  /** The round in progress (set by the run; keys changes and scripted failures). */
  round = 0;

  constructor(private readonly deps: ChaosEdgeDependencies) {}

  /** The Identity Center part, for calls of `container`. */
  private identityCenter(container: SimulatedContainer): IdentityCenterEdge {
    return new IdentityCenterEdge({
      script: this.deps.script,
      semantics: this.deps.semantics,
      ledger: this.deps.ledger,
      round: () => this.round,
      tookEffect: (key) => this.tookEffect(container, key),
    });
  }

  /** Outages started per service. */
  faultsOutages(): ReadonlyMap<string, number> {
    return this.deps.faults.outages;
  }

  /** Adds the edge middleware to a client used by `container`. */
  install<Input extends object, Output extends MetadataBearer>(
    client: Client<Input, Output, unknown>,
    container: SimulatedContainer,
  ): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        container.callStarted();
        try {
          const service = serviceOfClient(context.clientName);
          if (service === null) return await next(args);
          const command = (context.commandName ?? 'Unknown').replace(/Command$/, '');
          let forwarded: Awaited<ReturnType<typeof next>> | undefined;
          const forward = async (input: Data = args.input as Data): Promise<Data> => {
            forwarded = await next({ ...args, input: input as Input });
            return (forwarded.output ?? {}) as Data;
          };
          const output = await this.handle(
            service,
            container,
            command,
            args.input as Data,
            forward,
          );
          return { response: forwarded?.response, output: output as unknown as Output };
        } finally {
          container.callEnded();
        }
      },
      { step: 'initialize', name: 'chaosEdge', priority: 'high' },
    );
  }

  private async handle(
    service: ServiceName,
    container: SimulatedContainer,
    command: string,
    input: Data,
    forward: (input?: Data) => Promise<Data>,
  ): Promise<Data> {
    const { ledger, faults } = this.deps;
    ledger.call(service);
    if (!container.isAlive) ledger.bump('crashedCalls');
    container.assertAlive();
    if (GUARDED_COMMANDS.has(command)) this.logAttempt(container, command, input);
    const fault = faults.decide(service, command);
    if (fault !== null) ledger.fault(fault.kind, fault.afterEffect, fault.outage);
    // A scripted FAILED creation never reaches moto, so it has no effect a response could lose.
    if (fault !== null && (!fault.afterEffect || this.isScriptedFailure(command, input))) {
      throw fault.error;
    }
    const output = await this.execute(container, command, input, forward);
    if (
      service === 'dynamodb' &&
      (command === 'Put' || command === 'PutItem') &&
      text(input, 'TableName') === this.deps.auditTable
    ) {
      container.recordCompleted();
    }
    if (fault !== null) throw fault.error;
    return output;
  }

  private isScriptedFailure(command: string, input: Data): boolean {
    if (command !== 'CreateAccountAssignment') return false;
    return this.deps.script.isFailing(this.round, assignmentItemKey(input));
  }

  private logAttempt(container: SimulatedContainer, command: string, input: Data): void {
    const isScp = command === 'AttachPolicy' || command === 'DetachPolicy';
    this.deps.ledger.attempt({
      round: this.round,
      container: container.name,
      command: command as 'AttachPolicy',
      targetId: text(input, 'TargetId'),
      item: isScp ? text(input, 'PolicyId') : assignmentTarget(assignmentOf(input)),
    });
  }

  private async execute(
    container: SimulatedContainer,
    command: string,
    input: Data,
    forward: (input?: Data) => Promise<Data>,
  ): Promise<Data> {
    switch (command) {
      case 'SendMessage':
      case 'SendMessageBatch':
        return this.deps.fifo.send(command, input, forward);
      case 'ChangeMessageVisibility': {
        const output = await forward();
        this.deps.visibility.changed(input);
        return output;
      }
      case 'AttachPolicy':
      case 'DetachPolicy':
        return this.changePolicy(container, command, input, forward);
      case 'CreateAccountAssignment':
        return this.identityCenter(container).createAssignment(input, forward);
      case 'DeleteAccountAssignment':
        return this.identityCenter(container).deleteAssignment(input, forward);
      case 'DescribeAccountAssignmentCreationStatus':
        return this.identityCenter(container).pollStatus(
          input,
          'AccountAssignmentCreationRequestId',
          'AccountAssignmentCreationStatus',
          forward,
        );
      case 'DescribeAccountAssignmentDeletionStatus':
        return this.identityCenter(container).pollStatus(
          input,
          'AccountAssignmentDeletionRequestId',
          'AccountAssignmentDeletionStatus',
          forward,
        );
      default:
        return forward();
    }
  }

  private tookEffect(container: SimulatedContainer, key: string): void {
    this.deps.ledger.effective(this.round, key);
    container.changeTookEffect();
  }

  private async changePolicy(
    container: SimulatedContainer,
    command: 'AttachPolicy' | 'DetachPolicy',
    input: Data,
    forward: () => Promise<Data>,
  ): Promise<Data> {
    const policyId = text(input, 'PolicyId');
    const targetId = text(input, 'TargetId');
    const attach = command === 'AttachPolicy';
    return this.deps.semantics.mutex.run(`scp#${targetId}#${policyId}`, async () => {
      const attached = await this.deps.semantics.isAttached(policyId, targetId);
      if (attach && attached) {
        throw sdkError(
          'DuplicatePolicyAttachmentException',
          400,
          'The selected policy is already attached to the target.',
        );
      }
      if (!attach && !attached) {
        throw sdkError(
          'PolicyNotAttachedException',
          400,
          'The policy is not attached to the target.',
        );
      }
      const output = await forward();
      this.tookEffect(
        container,
        changeKey(attach ? 'attachPolicy' : 'detachPolicy', targetId, policyId),
      );
      return output;
    });
  }
}
