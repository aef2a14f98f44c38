/**
 * `IdentityCenterPort` implemented with `@aws-sdk/client-sso-admin`.
 */
import {
  CreateAccountAssignmentCommand,
  DeleteAccountAssignmentCommand,
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { PermissionSet } from '@org/scope-engine';
import type {
  AssignmentKey,
  AssignmentRequestState,
  IdentityCenterPort,
} from '@org/governance-runtime';
import { ThrottledError } from '../errors';
import { awsErrorName, callAws, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry';
import { AsyncCache, compareStrings, mapWithConcurrency } from '../util';
import { toRequestState } from './assignment-status';
import {
  type IdentityCenterInstance,
  listAccountAssignments,
  listAccountsForPermissionSet,
  listAssignmentsForPrincipal,
  listPermissionSets,
  listPermissionSetsProvisionedTo,
  readInstance,
  type SsoAdminApi,
} from './sso-admin-api';

/** Options of {@link IdentityCenterAdapter}. */
export interface IdentityCenterAdapterOptions {
  /** Use this instance instead of looking it up with `ListInstances`. @default looked up once */
  readonly instance?: IdentityCenterInstance;
  /** SSO Admin calls in flight at once (the instance allows ~20 requests/s). @default 4 */
  readonly concurrency?: number;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /** How long the permission set list is cached. @default 300000 (5 min) */
  readonly cacheTtlMs?: number;
  /** Clock in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

type Change = 'create' | 'delete';

const sameAssignment = (a: AssignmentKey, b: AssignmentKey): boolean =>
  a.principalType === b.principalType && a.principalId === b.principalId;

/**
 * Manages account assignments of the organization's Identity Center instance. Instance and
 * permission sets are cached; `ConflictException` is success when the assignment is already in
 * the requested state and a retryable `ThrottledError` otherwise (a conflicting request is
 * running).
 *
 * @example
 * ```ts
 * const identityCenter = new IdentityCenterAdapter(new SSOAdminClient(createClientConfig({ region })));
 * const request = await identityCenter.createAssignment({
 *   accountId: '222222222222', permissionSetArn, principalType: 'GROUP', principalId,
 * });
 * ```
 */
export class IdentityCenterAdapter implements IdentityCenterPort {
  private readonly api: SsoAdminApi;
  private readonly concurrency: number;
  private readonly instances = new AsyncCache<'instance', IdentityCenterInstance>();
  private readonly permissionSets: AsyncCache<'all', PermissionSet[]>;
  private readonly presetInstance: IdentityCenterInstance | undefined;

  constructor(client: SSOAdminClient, options: IdentityCenterAdapterOptions = {}) {
    this.api = { client, retryPolicy: options.retryPolicy ?? DEFAULT_RETRY_POLICY };
    this.concurrency = options.concurrency ?? 4;
    this.presetInstance = options.instance;
    this.permissionSets = new AsyncCache({
      ttlMs: options.cacheTtlMs ?? 300_000,
      now: options.now ?? Date.now,
    });
  }

  /** The instance ARN and identity store id (looked up once). */
  describeInstance(): Promise<IdentityCenterInstance> {
    if (this.presetInstance) return Promise.resolve(this.presetInstance);
    return this.instances.get('instance', () => readInstance(this.api));
  }

  /** @inheritdoc */
  async listPermissionSets(): Promise<readonly PermissionSet[]> {
    const { instanceArn } = await this.describeInstance();
    return this.permissionSets.get('all', () =>
      listPermissionSets(this.api, instanceArn, this.concurrency),
    );
  }

  /** The permission set with this name, or `null` (from the cached list). */
  async findPermissionSet(name: string): Promise<PermissionSet | null> {
    return (await this.listPermissionSets()).find((set) => set.name === name) ?? null;
  }

  /** @inheritdoc */
  createAssignment(assignment: AssignmentKey): Promise<AssignmentRequestState> {
    return this.change('create', assignment);
  }

  /** @inheritdoc */
  deleteAssignment(assignment: AssignmentKey): Promise<AssignmentRequestState> {
    return this.change('delete', assignment);
  }

  /** @inheritdoc */
  async getCreationStatus(requestId: string): Promise<AssignmentRequestState> {
    const { instanceArn } = await this.describeInstance();
    const operation = 'DescribeAccountAssignmentCreationStatus';
    const output = await callAws(
      { operation, requestId },
      () =>
        this.api.client.send(
          new DescribeAccountAssignmentCreationStatusCommand({
            InstanceArn: instanceArn,
            AccountAssignmentCreationRequestId: requestId,
          }),
        ),
      this.api.retryPolicy,
    );
    return toRequestState(output.AccountAssignmentCreationStatus, operation);
  }

  /** @inheritdoc */
  async getDeletionStatus(requestId: string): Promise<AssignmentRequestState> {
    const { instanceArn } = await this.describeInstance();
    const operation = 'DescribeAccountAssignmentDeletionStatus';
    const output = await callAws(
      { operation, requestId },
      () =>
        this.api.client.send(
          new DescribeAccountAssignmentDeletionStatusCommand({
            InstanceArn: instanceArn,
            AccountAssignmentDeletionRequestId: requestId,
          }),
        ),
      this.api.retryPolicy,
    );
    return toRequestState(output.AccountAssignmentDeletionStatus, operation);
  }

  /** @inheritdoc */
  async listAssignments(
    accountId: string,
    permissionSetArns?: readonly string[],
  ): Promise<readonly AssignmentKey[]> {
    const { instanceArn } = await this.describeInstance();
    const arns =
      permissionSetArns ??
      (await listPermissionSetsProvisionedTo(this.api, instanceArn, accountId));
    const lists = await mapWithConcurrency(arns, this.concurrency, (arn) =>
      listAccountAssignments(this.api, instanceArn, accountId, arn),
    );
    return lists
      .flat()
      .sort(
        (a, b) =>
          compareStrings(a.permissionSetArn, b.permissionSetArn) ||
          compareStrings(a.principalType, b.principalType) ||
          compareStrings(a.principalId, b.principalId),
      );
  }

  /**
   * Every assignment of one principal, on every account, in one paginated call per 100
   * assignments (instead of one call per account and permission set). Needs the management
   * account of an organization instance.
   */
  async listAssignmentsOfPrincipal(
    principalType: 'USER' | 'GROUP',
    principalId: string,
  ): Promise<readonly AssignmentKey[]> {
    const { instanceArn } = await this.describeInstance();
    const found = await listAssignmentsForPrincipal(
      this.api,
      instanceArn,
      principalType,
      principalId,
    );
    return found.sort(
      (a, b) =>
        compareStrings(a.accountId, b.accountId) ||
        compareStrings(a.permissionSetArn, b.permissionSetArn),
    );
  }

  /** The accounts a permission set is provisioned to, sorted (one call per 100 accounts). */
  async listAccountsWithPermissionSet(permissionSetArn: string): Promise<readonly string[]> {
    const { instanceArn } = await this.describeInstance();
    const accounts = await listAccountsForPermissionSet(this.api, instanceArn, permissionSetArn);
    return accounts.sort(compareStrings);
  }

  private async change(kind: Change, assignment: AssignmentKey): Promise<AssignmentRequestState> {
    const { instanceArn } = await this.describeInstance();
    const operation = kind === 'create' ? 'CreateAccountAssignment' : 'DeleteAccountAssignment';
    const context = {
      operation,
      accountId: assignment.accountId,
      permissionSetArn: assignment.permissionSetArn,
      principalId: assignment.principalId,
    };
    const input = {
      InstanceArn: instanceArn,
      TargetId: assignment.accountId,
      TargetType: 'AWS_ACCOUNT' as const,
      PermissionSetArn: assignment.permissionSetArn,
      PrincipalType: assignment.principalType,
      PrincipalId: assignment.principalId,
    };
    const outcome = await callAws(
      context,
      async () => {
        try {
          if (kind === 'create') {
            const output = await this.api.client.send(new CreateAccountAssignmentCommand(input));
            return toRequestState(output.AccountAssignmentCreationStatus, operation);
          }
          const output = await this.api.client.send(new DeleteAccountAssignmentCommand(input));
          return toRequestState(output.AccountAssignmentDeletionStatus, operation);
        } catch (error) {
          const name = awsErrorName(error);
          if (name === 'ConflictException') return 'conflict' as const;
          if (kind === 'delete' && name === 'ResourceNotFoundException') return 'absent' as const;
          throw error;
        }
      },
      this.api.retryPolicy,
    );
    if (outcome === 'absent') return { requestId: null, status: 'SUCCEEDED' };
    if (outcome !== 'conflict') return outcome;
    return this.resolveConflict(kind, assignment, instanceArn, context);
  }

  private async resolveConflict(
    kind: Change,
    assignment: AssignmentKey,
    instanceArn: string,
    context: Record<string, string>,
  ): Promise<AssignmentRequestState> {
    const existing = await listAccountAssignments(
      this.api,
      instanceArn,
      assignment.accountId,
      assignment.permissionSetArn,
    );
    const exists = existing.some((candidate) => sameAssignment(candidate, assignment));
    if (exists === (kind === 'create')) return { requestId: null, status: 'SUCCEEDED' };
    throw new ThrottledError(
      `ConflictException: another request for this assignment is in progress (${kind})`,
      { context },
    );
  }
}
