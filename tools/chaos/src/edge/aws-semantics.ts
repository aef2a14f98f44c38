/**
 * What moto does differently from AWS, restored at the edge so the product sees AWS behaviour:
 * moto attaches an attached SCP again and detaches a detached one without complaint, and lists an
 * assignment twice when asked to create one that exists. AWS answers
 * `DuplicatePolicyAttachmentException`, `PolicyNotAttachedException` and `ConflictException`
 * (AWS's answers when the state already holds), which the adapters treat as "already in that state".
 */
import {
  ListPoliciesForTargetCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { ListAccountAssignmentsCommand, type SSOAdminClient } from '@aws-sdk/client-sso-admin';

/**
 * Runs async work one at a time per key, so a check and the change it guards are atomic with
 * respect to other changes of the same item.
 *
 * @example
 * ```ts
 * await mutex.run('acct#p-1', async () => { if (!(await attached())) await attach(); });
 * ```
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const current = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    try {
      return await work();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

/**
 * Fault-free reads of moto for the checks above.
 *
 * @example
 * ```ts
 * const semantics = new AwsSemantics(world.organizations, world.ssoAdmin, instanceArn);
 * if (await semantics.isAttached('p-1', accountId)) throw duplicateAttachment;
 * ```
 */
export class AwsSemantics {
  readonly mutex = new KeyedMutex();

  constructor(
    private readonly organizations: OrganizationsClient,
    private readonly ssoAdmin: SSOAdminClient,
    private readonly instanceArn: string,
  ) {}

  /** `true` when `policyId` is attached directly to `targetId`. */
  async isAttached(policyId: string, targetId: string): Promise<boolean> {
    let token: string | undefined;
    do {
      const page = await this.organizations.send(
        new ListPoliciesForTargetCommand({
          TargetId: targetId,
          Filter: 'SERVICE_CONTROL_POLICY',
          NextToken: token,
        }),
      );
      if ((page.Policies ?? []).some((p) => p.Id === policyId)) return true;
      token = page.NextToken;
    } while (token);
    return false;
  }

  /** `true` when the assignment exists. */
  async assignmentExists(a: {
    readonly accountId: string;
    readonly permissionSetArn: string;
    readonly principalType: string;
    readonly principalId: string;
  }): Promise<boolean> {
    let token: string | undefined;
    do {
      const page = await this.ssoAdmin.send(
        new ListAccountAssignmentsCommand({
          InstanceArn: this.instanceArn,
          AccountId: a.accountId,
          PermissionSetArn: a.permissionSetArn,
          NextToken: token,
        }),
      );
      const found = (page.AccountAssignments ?? []).some(
        (x) => x.PrincipalType === a.principalType && x.PrincipalId === a.principalId,
      );
      if (found) return true;
      token = page.NextToken;
    } while (token);
    return false;
  }
}
