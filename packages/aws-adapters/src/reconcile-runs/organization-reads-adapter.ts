/**
 * `OrganizationReads` (the sharded reconcile's Organizations reads) with
 * `@aws-sdk/client-organizations`: one page of one API per call, retried and translated.
 */
import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  ListTargetsForPolicyCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type { ListedAccount, OrganizationReads, Page } from '@org/governance-runtime';
import {
  isPolicyType,
  type OrganizationalUnit,
  type Policy,
  type PolicyType,
} from '@org/scope-engine';
import { UnexpectedResponseError } from '../errors';
import { toAccountStatus } from '../organizations/account-status';
import { callAws, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry';

/** Options of {@link OrganizationReadsAdapter}. */
export interface OrganizationReadsAdapterOptions {
  /** Policy types `listPolicies` reads when it is given none. @default SCPs only */
  readonly policyTypes?: readonly PolicyType[];
  /** @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
}

/** A page: the items and the token of the next one, if any. */
function pageOf<T>(items: readonly T[], nextToken: string | undefined): Page<T> {
  return nextToken === undefined ? { items } : { items, nextToken };
}

/**
 * The Organizations reads of a sharded reconcile. Every method is one API call (one page), so a
 * run can stop at a deadline between calls and count its calls against the read budget
 * (`budgetRequests` on the client).
 *
 * @example
 * ```ts
 * const reads = new OrganizationReadsAdapter(organizationsClient);
 * const { items, nextToken } = await reads.listAccounts('ou-ab12-aaaaaaaa');
 * ```
 */
export class OrganizationReadsAdapter implements OrganizationReads {
  private readonly retryPolicy: RetryPolicy;
  private readonly policyTypes: readonly PolicyType[];

  constructor(
    private readonly client: OrganizationsClient,
    options: OrganizationReadsAdapterOptions = {},
  ) {
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    this.policyTypes = options.policyTypes ?? ['SERVICE_CONTROL_POLICY'];
  }

  private call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    return callAws({ operation }, send, this.retryPolicy);
  }

  /** {@inheritDoc OrganizationReads.describeRoot} */
  async describeRoot() {
    const [roots, organization] = await Promise.all([
      this.call('ListRoots', () => this.client.send(new ListRootsCommand({}))),
      this.call('DescribeOrganization', () =>
        this.client.send(new DescribeOrganizationCommand({})),
      ),
    ]);
    const rootId = roots.Roots?.[0]?.Id;
    const managementAccountId = organization.Organization?.MasterAccountId;
    if (rootId === undefined || managementAccountId === undefined) {
      throw new UnexpectedResponseError('ListRoots or DescribeOrganization returned no id', {
        context: { operation: 'ListRoots' },
      });
    }
    // SCPs always count as enabled (as before other policy types); the rest as the root says.
    const enabled = new Set<PolicyType>(['SERVICE_CONTROL_POLICY']);
    for (const t of roots.Roots?.[0]?.PolicyTypes ?? [])
      if (t.Status === 'ENABLED' && isPolicyType(t.Type)) enabled.add(t.Type);
    return { rootId, managementAccountId, enabledPolicyTypes: [...enabled].sort() };
  }

  /** {@inheritDoc OrganizationReads.listOrganizationalUnits} */
  async listOrganizationalUnits(parentId: string, token?: string) {
    const output = await this.call('ListOrganizationalUnitsForParent', () =>
      this.client.send(
        new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, NextToken: token }),
      ),
    );
    const ous: OrganizationalUnit[] = (output.OrganizationalUnits ?? []).map((ou) => ({
      id: ou.Id ?? '',
      name: ou.Name ?? '',
      parentId,
    }));
    return pageOf(ous, output.NextToken);
  }

  /** {@inheritDoc OrganizationReads.listAccounts} */
  async listAccounts(parentId: string, token?: string) {
    const output = await this.call('ListAccountsForParent', () =>
      this.client.send(new ListAccountsForParentCommand({ ParentId: parentId, NextToken: token })),
    );
    const accounts: ListedAccount[] = (output.Accounts ?? []).map((account) => ({
      id: account.Id ?? '',
      name: account.Name ?? account.Id ?? '',
      ...(account.Email === undefined ? {} : { email: account.Email }),
      parentId,
      status: toAccountStatus(account.State, account.Status),
    }));
    return pageOf(accounts, output.NextToken);
  }

  /** {@inheritDoc OrganizationReads.listTags} (every page: an account has at most 50 tags) */
  async listTags(accountId: string) {
    const tags: Record<string, string> = {};
    let token: string | undefined;
    do {
      const output = await this.call('ListTagsForResource', () =>
        this.client.send(
          new ListTagsForResourceCommand({ ResourceId: accountId, NextToken: token }),
        ),
      );
      for (const tag of output.Tags ?? []) {
        if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
      }
      token = output.NextToken;
    } while (token !== undefined);
    return tags;
  }

  /** {@inheritDoc OrganizationReads.listPolicies} */
  async listPolicies(policyTypes: readonly PolicyType[] = this.policyTypes) {
    const policies: Policy[] = [];
    for (const type of policyTypes) {
      let token: string | undefined;
      do {
        const output = await this.call('ListPolicies', () =>
          this.client.send(new ListPoliciesCommand({ Filter: type, NextToken: token })),
        );
        for (const policy of output.Policies ?? []) {
          if (policy.Id !== undefined) {
            const typed = type === 'SERVICE_CONTROL_POLICY' ? {} : { type };
            policies.push({ id: policy.Id, name: policy.Name ?? policy.Id, ...typed });
          }
        }
        token = output.NextToken;
      } while (token !== undefined);
    }
    return policies;
  }

  /** {@inheritDoc OrganizationReads.listTargets} */
  async listTargets(policyId: string, token?: string) {
    const output = await this.call('ListTargetsForPolicy', () =>
      this.client.send(new ListTargetsForPolicyCommand({ PolicyId: policyId, NextToken: token })),
    );
    const targets = (output.Targets ?? []).flatMap((target) =>
      target.TargetId === undefined ? [] : [target.TargetId],
    );
    return pageOf(targets, output.NextToken);
  }
}
