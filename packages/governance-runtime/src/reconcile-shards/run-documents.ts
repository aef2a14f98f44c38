/**
 * The documents a sharded reconcile run keeps in its {@link ReconcileRunStore}.
 */
import type {
  Attachment,
  Operation,
  OrganizationalUnit,
  OrgSnapshot,
  Policy,
  PolicyType,
} from '@org/scope-engine';
import type { AssignmentKey } from '../ports/identity-center-port';
import type { DirectoryView } from '../state/directory-view';
import type { ListedAccount } from './organization-reads';

/** One read still to make: a page of a list (with its token), or one principal's assignments. */
export type ReadTask =
  | { readonly kind: 'ous' | 'accounts'; readonly parentId: string; readonly token?: string }
  | { readonly kind: 'targets'; readonly policyId: string; readonly token?: string }
  | {
      readonly kind: 'principal';
      readonly principalType: 'USER' | 'GROUP';
      readonly principalId: string;
    };

/** The organization-wide part of a run that the preparation reads and every shard shares. */
export interface RunOrganization {
  readonly rootId: string;
  readonly managementAccountId: string;
  /** Policy types enabled on the root (absent: SCPs only). */
  readonly enabledPolicyTypes?: readonly PolicyType[];
  readonly view: DirectoryView;
  readonly organizationalUnits: readonly OrganizationalUnit[];
  readonly policies: readonly Policy[];
}

/**
 * A snapshot of the run's organization-wide part (root, OUs, policies, directory view) with no
 * accounts, attachments or assignments yet: what a shard's or the whole run's snapshot adds
 * its accounts to.
 *
 * @example
 * ```ts
 * const snapshot: OrgSnapshot = { ...runSnapshot(run), accounts, attachments, assignments };
 * ```
 */
export function runSnapshot(run: RunOrganization): OrgSnapshot {
  return {
    managementAccountId: run.managementAccountId,
    rootId: run.rootId,
    ...(run.enabledPolicyTypes === undefined ? {} : { enabledPolicyTypes: run.enabledPolicyTypes }),
    organizationalUnits: run.organizationalUnits,
    policies: run.policies,
    ...run.view,
    accounts: [],
    attachments: [],
    assignments: [],
  };
}

/** What the preparation read so far (`prepare`): resumed by the next invocation. */
export interface PrepareProgress extends RunOrganization {
  /** Permission sets whose assignments matter (named by rules or provisioned). */
  readonly relevantPermissionSetArns: readonly string[];
  readonly tasks: readonly ReadTask[];
  readonly accounts: readonly ListedAccount[];
  /** Direct attachments to accounts (the only ones an account's plan counts). */
  readonly attachments: readonly Attachment[];
  readonly assignments: readonly AssignmentKey[];
  /** Organizations and Identity Center calls made so far. */
  readonly calls: { readonly organizations: number; readonly identityCenter: number };
}

/** What every shard shares (`run`), written when the preparation is done. */
export interface RunDocument extends RunOrganization {
  /** Every member account (for departed accounts). */
  readonly accountIds: readonly string[];
  readonly shardCount: number;
  readonly calls: PrepareProgress['calls'];
}

/** One shard's inputs (`shard/N`): its accounts and what was read about them. */
export interface ShardInput {
  readonly accounts: readonly ListedAccount[];
  readonly attachments: readonly Attachment[];
  readonly assignments: readonly AssignmentKey[];
}

/** Tags a shard read so far (`shard/N/tags`). */
export type ShardTags = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** What one shard found and did (`shard/N/summary`). */
export interface ShardSummary {
  readonly shard: number;
  readonly accounts: number;
  /** Operations planned (drift). */
  readonly driftCount: number;
  /** Operations enqueued by the shard (creates and attaches; never detaches or deletes). */
  readonly enqueued: number;
  /** Operations left to the next run by the enqueue pacing (absent when there were none). */
  readonly deferred?: number;
  /**
   * Worker seconds of what the shard enqueued under the run's pacing (absent when nothing was):
   * the run's end paces its detaches and deletes within what is left of the window.
   */
  readonly drainSeconds?: number;
  readonly skipped: number;
  /** `UntrustedTag` skips among them (absent when there were none). */
  readonly untrustedTags?: number;
  /** Detaches and deletes, left to the run's end (the blast-radius cap counts the whole run). */
  readonly destructive: readonly Operation[];
  readonly organizationsCalls: number;
}

/** Document names. */
export const RUN_DOCUMENTS = {
  prepare: 'prepare',
  run: 'run',
  shard: (shard: number) => `shard/${shard}`,
  tags: (shard: number) => `shard/${shard}/tags`,
  summary: (shard: number) => `shard/${shard}/summary`,
} as const;
