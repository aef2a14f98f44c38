import {
  DEFAULT_ASSIGNMENT_POLLING,
  describeError,
  executeOperation,
  IdentityCenterQuota,
  type ExecuteOperationDependencies,
  type OperationResult,
  type RulesSource,
} from '@org/governance-runtime';
import {
  InMemoryQuotaStore,
  type InMemoryOperationQueue,
} from '@org/governance-runtime/in-process';

/** The ports executing operations uses (the live adapters, or in-memory ones in tests). */
export type ExecutionPorts = Pick<
  ExecuteOperationDependencies,
  'organizations' | 'identityCenter' | 'provisionedState' | 'audit' | 'clock'
>;

/** Rounds of re-queued status checks before giving up on still-running assignment requests. */
const MAX_ROUNDS = 20;

/** What executing the queued operations in process did. */
export interface LocalExecution {
  readonly applied: number;
  readonly alreadyInState: number;
  /** Assignment requests still `IN_PROGRESS` after every round (Identity Center finishes them). */
  readonly pending: number;
  /** Failures, one line each: the operation and why. */
  readonly failed: readonly string[];
}

function describeOperation(result: Pick<OperationResult, 'operation'>): string {
  const op = result.operation;
  const target =
    op.type === 'attachPolicy' || op.type === 'detachPolicy'
      ? op.policyId
      : op.type === 'notify'
        ? op.notificationId
        : `${op.permissionSetArn} ${op.principalType} ${op.principalId}`;
  return `${op.type} ${op.accountId} ${target}`;
}

/**
 * Executes every operation waiting in `queue` with the operations worker's use-case
 * (`executeOperation`): attach/detach SCPs, create/delete assignments (status polled; a request
 * still running is re-queued and polled again in the next round), provisioned state recorded,
 * audited. Operations run one at a time, in plan order; when one fails, the later operations of
 * the same account are not run (their order matters) and are reported as failed too. The
 * Identity Center quota is this process's own (20 requests/s, 10 outstanding creations).
 *
 * @example
 * ```ts
 * const outcome = await executeLocally(ports.localQueue, ports, rules);
 * ```
 */
export async function executeLocally(
  queue: InMemoryOperationQueue,
  ports: ExecutionPorts,
  rules: RulesSource,
): Promise<LocalExecution> {
  const deps = {
    organizations: ports.organizations,
    identityCenter: ports.identityCenter,
    provisionedState: ports.provisionedState,
    audit: ports.audit,
    queue,
    // A FAILED request is also returned as a `failed` result, listed below: nothing to publish.
    failures: { report: async () => undefined },
    quota: new IdentityCenterQuota(new InMemoryQuotaStore(), ports.clock),
    rules,
    clock: ports.clock,
    polling: DEFAULT_ASSIGNMENT_POLLING,
  };
  let applied = 0;
  let alreadyInState = 0;
  let pending = 0;
  const failed: string[] = [];
  const stopped = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS && queue.peek().length > 0; round++) {
    pending = 0;
    for (const message of queue.drain()) {
      const accountId = message.operation.accountId;
      if (stopped.has(accountId)) {
        failed.push(`${describeOperation(message)}: not run, an earlier operation failed`);
        continue;
      }
      try {
        const result = await executeOperation(message, deps);
        switch (result.status) {
          case 'applied':
            applied += 1;
            break;
          case 'alreadyInState':
            alreadyInState += 1;
            break;
          case 'pending':
            pending += 1;
            break;
          case 'failed':
            failed.push(`${describeOperation(result)}: ${result.reason}`);
            stopped.add(accountId);
        }
      } catch (error) {
        failed.push(`${describeOperation(message)}: ${describeError(error)}`);
        stopped.add(accountId);
      }
    }
  }
  return { applied, alreadyInState, pending, failed };
}
