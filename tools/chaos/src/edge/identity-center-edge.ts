/**
 * The Identity Center part of the chaos edge: scripted FAILED creations (never sent to moto),
 * requests kept IN_PROGRESS for a number of polls, and Identity Center's semantics over moto
 * (`ConflictException` for an assignment that exists, `ResourceNotFoundException` for one that
 * does not), with every change that took effect counted.
 */
import type { AwsSemantics } from './aws-semantics';
import { assignmentOf, type CallData, textField, withStatus } from './call-data';
import type { EdgeLedger } from './edge-ledger';
import type { IdentityCenterScript } from './identity-center-script';
import { assignmentTarget, changeKey } from './operation-key';
import { sdkError } from './sdk-errors';

/** What the Identity Center edge needs from the chaos edge. */
export interface IdentityCenterEdgeDependencies {
  readonly script: IdentityCenterScript;
  readonly semantics: AwsSemantics;
  readonly ledger: EdgeLedger;
  /** The round in progress. */
  round(): number;
  /** Records a change that took effect. */
  tookEffect(key: string): void;
}

/** The item key (`account#arn#type#principal`) of an SSO Admin create/delete input. */
export function assignmentItemKey(input: CallData): string {
  const assignment = assignmentOf(input);
  return `${assignment.accountId}#${assignmentTarget(assignment)}`;
}

/**
 * Handles the assignment calls of one container's client.
 *
 * @example
 * ```ts
 * const output = await new IdentityCenterEdge(deps).createAssignment(input, forward);
 * ```
 */
export class IdentityCenterEdge {
  constructor(private readonly deps: IdentityCenterEdgeDependencies) {}

  /** `CreateAccountAssignment`. */
  async createAssignment(input: CallData, forward: () => Promise<CallData>): Promise<CallData> {
    const { script, semantics, ledger } = this.deps;
    const assignment = assignmentOf(input);
    const itemKey = assignmentItemKey(input);
    if (script.isFailing(this.deps.round(), itemKey)) {
      ledger.bump('failedRequests');
      return {
        AccountAssignmentCreationStatus: {
          Status: 'IN_PROGRESS',
          RequestId: script.failedRequest(this.deps.round(), itemKey),
          TargetId: assignment.accountId,
          TargetType: 'AWS_ACCOUNT',
          PermissionSetArn: assignment.permissionSetArn,
          PrincipalType: assignment.principalType,
          PrincipalId: assignment.principalId,
        },
      };
    }
    return semantics.mutex.run(`assignment#${itemKey}`, async () => {
      if (await semantics.assignmentExists(assignment)) {
        ledger.bump('redundantCreates');
        throw sdkError('ConflictException', 409, 'The assignment already exists.');
      }
      const output = await forward();
      this.deps.tookEffect(
        changeKey('createAssignment', assignment.accountId, assignmentTarget(assignment)),
      );
      return this.maybeSlow(output, 'AccountAssignmentCreationStatus');
    });
  }

  /** `DeleteAccountAssignment`. */
  async deleteAssignment(input: CallData, forward: () => Promise<CallData>): Promise<CallData> {
    const assignment = assignmentOf(input);
    return this.deps.semantics.mutex.run(`assignment#${assignmentItemKey(input)}`, async () => {
      if (!(await this.deps.semantics.assignmentExists(assignment))) {
        throw sdkError('ResourceNotFoundException', 404, 'The assignment does not exist.');
      }
      const output = await forward();
      this.deps.tookEffect(
        changeKey('deleteAssignment', assignment.accountId, assignmentTarget(assignment)),
      );
      return this.maybeSlow(output, 'AccountAssignmentDeletionStatus');
    });
  }

  /** `DescribeAccountAssignmentCreationStatus` / `…DeletionStatus`. */
  async pollStatus(
    input: CallData,
    requestField: string,
    statusField: string,
    forward: () => Promise<CallData>,
  ): Promise<CallData> {
    const requestId = textField(input, requestField);
    const scripted = this.deps.script.poll(requestId);
    if (scripted.kind === 'failed') {
      return {
        [statusField]: { Status: 'FAILED', RequestId: requestId, FailureReason: scripted.reason },
      };
    }
    const output = await forward();
    return scripted.kind === 'inProgress'
      ? withStatus(output, statusField, { Status: 'IN_PROGRESS' })
      : output;
  }

  private maybeSlow(output: CallData, field: string): CallData {
    const status = output[field];
    const requestId =
      typeof status === 'object' && status !== null
        ? textField(status as CallData, 'RequestId')
        : '';
    if (requestId === '' || !this.deps.script.maybeSlow(requestId)) return output;
    this.deps.ledger.bump('slowRequests');
    return withStatus(output, field, { Status: 'IN_PROGRESS' });
  }
}
