import { RECONCILE_PERMANENT_ERRORS } from '@org/contracts';
import { HandlerError } from '../shared/errors';

/** What an on-demand invocation may ask for (a scheduled event asks for nothing). */
export interface ReconcileRequest {
  /** Plan only. @default the function's `DRY_RUN` setting */
  readonly dryRun?: boolean;
  /** Only these accounts. @default every account */
  readonly accountIds?: readonly string[];
  /**
   * Confirms this many detaches and deletes: a plan holding more than
   * `settings.maxDestructiveOperations` executes them only when this covers them all.
   * @default none confirmed
   */
  readonly confirmDestructive?: number;
}

/** The reconciler was invoked with a payload it does not understand. */
export class InvalidReconcileRequestError extends HandlerError {
  readonly code = 'RECONCILE_REQUEST_INVALID';
  readonly retryable = false;

  constructor(readonly problem: string) {
    super(`Invalid reconcile request: ${problem}`);
    // Stable in a minified bundle: the state machine does not retry this name.
    this.name = RECONCILE_PERMANENT_ERRORS.invalidRequest;
  }
}

/**
 * A direct invocation asked for the whole organization: one invocation is bounded to 10 minutes,
 * which a large organization exceeds. Only a run of some accounts may invoke the function directly.
 */
export class WholeOrganizationDirectError extends HandlerError {
  readonly code = 'RECONCILE_WHOLE_ORGANIZATION_DIRECT';
  readonly retryable = false;

  constructor() {
    super(
      'A whole-organization reconcile does not run in one direct invocation: start the reconcile ' +
        'state machine (aws stepfunctions start-execution --state-machine-arn <ReconcileStateMachineArn> ' +
        '--input \'{}\'), or name the accounts ({"accountIds": [...]}); from a workstation, orgctl reconcile',
    );
    this.name = RECONCILE_PERMANENT_ERRORS.wholeOrganizationDirect;
  }
}

/**
 * Reads the reconciler's input: an EventBridge scheduled event (`detail-type: Scheduled Event`)
 * reconciles everything with the configured mode; an on-demand payload may set `dryRun`,
 * `accountIds` and `confirmDestructive`.
 *
 * @example
 * ```ts
 * parseReconcileRequest({ dryRun: true, accountIds: ['222222222222'] });
 * parseReconcileRequest({ confirmDestructive: 40 }); // executes up to 40 held detaches and deletes
 * ```
 */
export function parseReconcileRequest(event: unknown): ReconcileRequest {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return {};
  const input = event as Readonly<Record<string, unknown>>;
  if (input['detail-type'] === 'Scheduled Event') return {};
  const { dryRun, accountIds, confirmDestructive } = input;
  if (dryRun !== undefined && typeof dryRun !== 'boolean') {
    throw new InvalidReconcileRequestError('$.dryRun: expected true or false');
  }
  if (
    accountIds !== undefined &&
    !(
      Array.isArray(accountIds) &&
      accountIds.every((id) => typeof id === 'string' && /^\d{12}$/.test(id))
    )
  ) {
    throw new InvalidReconcileRequestError(
      '$.accountIds: expected an array of 12-digit account ids',
    );
  }
  if (
    confirmDestructive !== undefined &&
    !(
      typeof confirmDestructive === 'number' &&
      Number.isInteger(confirmDestructive) &&
      confirmDestructive >= 0
    )
  ) {
    throw new InvalidReconcileRequestError(
      '$.confirmDestructive: expected a whole number of detaches and deletes (0 or more)',
    );
  }
  return {
    ...(dryRun === undefined ? {} : { dryRun }),
    ...(confirmDestructive === undefined ? {} : { confirmDestructive }),
    ...(accountIds === undefined ? {} : { accountIds: accountIds as string[] }),
  };
}
