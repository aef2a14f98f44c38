/**
 * What the product needs from AWS Organizations.
 */
import type { Account, OrgSnapshot, PolicyType } from '@org/scope-engine';
import type { ChangeOutcome } from './port-failure';

/**
 * What Organizations knows about the organization: the parts of an {@link OrgSnapshot} that
 * come from Organizations. `attachments` carry no `managedBy`: callers fill it from the
 * {@link ProvisionedStateRepository}. Only policies attached directly to accounts are listed.
 */
export type OrgStructure = Pick<
  OrgSnapshot,
  | 'managementAccountId'
  | 'rootId'
  | 'enabledPolicyTypes'
  | 'organizationalUnits'
  | 'accounts'
  | 'policies'
  | 'attachments'
>;

/**
 * Reads the organization and changes SCP attachments.
 *
 * @example
 * ```ts
 * const account = await organizations.readAccount('222222222222');
 * if (account?.status === 'ACTIVE') await organizations.attachPolicy('p-aaaa1111', account.id);
 * ```
 */
export interface OrganizationsPort {
  /**
   * The whole organization: root (and its enabled policy types), OU tree, accounts (status,
   * tags), policies and direct attachments of `policyTypes` (the types the rules use; SCPs are
   * always read; default: the adapter's own setting).
   */
  readSnapshotStructure(policyTypes?: readonly PolicyType[]): Promise<OrgStructure>;

  /**
   * The organization as seen from one account: that account, the OUs on its path to the root
   * (its ancestors), every policy of `policyTypes`, and those attached directly to the account. `null` when the
   * account is not (or no longer) in the organization. Used to plan for a single event.
   * `policyTypes` are read exactly (those enabled on the root; an empty list reads no policy, as
   * the worker's check of an assignment operation); without them, the adapter's own setting
   * (SCPs always).
   */
  readAccountStructure(
    accountId: string,
    policyTypes?: readonly PolicyType[],
  ): Promise<OrgStructure | null>;

  /** One account re-read now (parent, tags, status, name), or `null` if not in the organization. */
  readAccount(accountId: string): Promise<Account | null>;

  /** Attaches an SCP; an existing attachment is `alreadyInState`. */
  attachPolicy(policyId: string, targetId: string): Promise<ChangeOutcome>;

  /** Detaches an SCP; an absent attachment is `alreadyInState`. */
  detachPolicy(policyId: string, targetId: string): Promise<ChangeOutcome>;
}
