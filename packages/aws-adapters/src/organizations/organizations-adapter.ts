/**
 * `OrganizationsPort` implemented with `@aws-sdk/client-organizations`.
 */
import {
  AttachPolicyCommand,
  DetachPolicyCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  SERVICE_CONTROL_POLICY,
  type Account,
  type Policy,
  type PolicyType,
} from '@org/scope-engine';
import type { ChangeOutcome, OrganizationsPort, OrgStructure } from '@org/governance-runtime';
import { awsErrorName, callAws, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry';
import { AsyncCache, createLimiter } from '../util';
import {
  describeManagementAccountId,
  readRoot,
  type OrganizationsApi,
  type RootInfo,
} from './organizations-api';
import {
  directAttachmentsOfTypes,
  listPoliciesOfTypes,
  type PolicyTypeSource,
  typesToRead,
} from './policy-reads';
import {
  lookUpOu,
  type OuWithParent,
  readAccountWithAncestry,
  readCurrentAccount,
} from './read-account-structure';
import { readOrgStructure } from './read-org-structure';

/** Options of {@link OrganizationsAdapter}. */
export interface OrganizationsAdapterOptions {
  /** Organizations calls in flight at once during a full read. @default 5 */
  readonly concurrency?: number;
  /** Our retries on top of the SDK's. @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /**
   * How long the SCP list, the management account id and OU names/parents (for single-account
   * reads) are cached. @default 300000 (5 min)
   */
  readonly cacheTtlMs?: number;
  /**
   * How long OUs (name and parent) are cached for single-account reads: an OU never moves, only
   * its name may change. @default cacheTtlMs
   */
  readonly ouCacheTtlMs?: number;
  /**
   * Whether single-account reads look OU names up (`DescribeOrganizationalUnit`). Without them,
   * an OU on the account's path is named by its id (one read less per OU): for callers that
   * match rules by OU id and never show OU names (the worker's level check). @default true
   */
  readonly ouNames?: boolean;
  /** Clock in epoch milliseconds. @default Date.now */
  readonly now?: () => number;
  /**
   * The policy types the rules use (e.g. `policyTypesOf` of the current rules): only those are
   * read, and only when enabled on the root. SCPs are always read. @default SCPs only
   */
  readonly policyTypes?: PolicyTypeSource;
}

/**
 * Reads the organization (the policy types the rules use) and attaches/detaches policies of any
 * type (`AttachPolicy`/`DetachPolicy` are the same for every type). `DuplicatePolicyAttachmentException` and
 * `PolicyNotAttachedException` mean the desired state already holds (`alreadyInState`);
 * throttling is retried, then surfaces as `ThrottledError`.
 *
 * @example
 * ```ts
 * const client = new OrganizationsClient(createClientConfig({ region: 'us-east-1' }));
 * const organizations = new OrganizationsAdapter(client);
 * const structure = await organizations.readSnapshotStructure();
 * ```
 */
export class OrganizationsAdapter implements OrganizationsPort {
  private readonly api: OrganizationsApi;
  private readonly concurrency: number;
  private readonly policies: AsyncCache<string, Policy[]>;
  private readonly managementAccount: AsyncCache<'id', string>;
  private readonly root: AsyncCache<'root', RootInfo>;
  private readonly policyTypes: PolicyTypeSource;
  private readonly ous: AsyncCache<string, OuWithParent>;
  private readonly ouNames: boolean;

  constructor(client: OrganizationsClient, options: OrganizationsAdapterOptions = {}) {
    this.api = { client, retryPolicy: options.retryPolicy ?? DEFAULT_RETRY_POLICY };
    this.concurrency = options.concurrency ?? 5;
    const cacheOptions = { ttlMs: options.cacheTtlMs ?? 300_000, now: options.now ?? Date.now };
    this.policies = new AsyncCache(cacheOptions);
    this.managementAccount = new AsyncCache(cacheOptions);
    this.root = new AsyncCache(cacheOptions);
    this.ous = new AsyncCache({
      ...cacheOptions,
      ttlMs: options.ouCacheTtlMs ?? cacheOptions.ttlMs,
    });
    this.ouNames = options.ouNames ?? true;
    this.policyTypes = options.policyTypes ?? (() => [SERVICE_CONTROL_POLICY]);
  }

  /** @inheritdoc */
  async readSnapshotStructure(policyTypes?: readonly PolicyType[]): Promise<OrgStructure> {
    const types = policyTypes ?? (await this.policyTypes());
    return readOrgStructure(this.api, createLimiter(this.concurrency), types);
  }

  /** @inheritdoc */
  async readAccountStructure(
    accountId: string,
    policyTypes?: readonly PolicyType[],
  ): Promise<OrgStructure | null> {
    const found = await readAccountWithAncestry(this.api, accountId, (ouId) =>
      this.ous.get(ouId, () => lookUpOu(this.api, ouId, this.ouNames)),
    );
    if (found === null) return null;
    const [root, wanted] = await Promise.all([
      this.root.get('root', () => readRoot(this.api)),
      policyTypes ?? this.policyTypes(),
    ]);
    // Explicit types are read exactly (none: no policy read); the rules' types always with SCPs.
    const enabled = typesToRead(wanted, root.enabledPolicyTypes);
    const types =
      policyTypes === undefined ? enabled : enabled.filter((type) => policyTypes.includes(type));
    const limit = createLimiter(this.concurrency);
    const [managementAccountId, policies, attachments] = await Promise.all([
      this.cachedManagementAccountId(),
      this.cachedPolicies(types),
      directAttachmentsOfTypes(this.api, limit, accountId, types),
    ]);
    return {
      managementAccountId,
      rootId: found.rootId,
      enabledPolicyTypes: root.enabledPolicyTypes,
      organizationalUnits: found.ancestors,
      accounts: [found.account],
      policies,
      attachments,
    };
  }

  /** @inheritdoc */
  async readAccount(accountId: string): Promise<Account | null> {
    return (await readCurrentAccount(this.api, accountId))?.account ?? null;
  }

  /** @inheritdoc */
  attachPolicy(policyId: string, targetId: string): Promise<ChangeOutcome> {
    return this.changeAttachment('AttachPolicy', policyId, targetId);
  }

  /** @inheritdoc */
  detachPolicy(policyId: string, targetId: string): Promise<ChangeOutcome> {
    return this.changeAttachment('DetachPolicy', policyId, targetId);
  }

  private changeAttachment(
    operation: 'AttachPolicy' | 'DetachPolicy',
    policyId: string,
    targetId: string,
  ): Promise<ChangeOutcome> {
    const input = { PolicyId: policyId, TargetId: targetId };
    const alreadyInState =
      operation === 'AttachPolicy'
        ? 'DuplicatePolicyAttachmentException'
        : 'PolicyNotAttachedException';
    return callAws(
      { operation, policyId, targetId },
      async () => {
        try {
          await this.api.client.send(
            operation === 'AttachPolicy'
              ? new AttachPolicyCommand(input)
              : new DetachPolicyCommand(input),
          );
          return 'changed' as const;
        } catch (error) {
          if (awsErrorName(error) === alreadyInState) return 'alreadyInState' as const;
          throw error;
        }
      },
      this.api.retryPolicy,
    );
  }

  private cachedPolicies(types: readonly PolicyType[]): Promise<Policy[]> {
    const limit = createLimiter(this.concurrency);
    return this.policies.get(types.join(' '), () => listPoliciesOfTypes(this.api, limit, types));
  }

  private cachedManagementAccountId(): Promise<string> {
    return this.managementAccount.get('id', () => describeManagementAccountId(this.api));
  }
}
