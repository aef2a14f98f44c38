import type { ChangeEvent } from '@org/event-schemas';
import {
  compareOperations,
  compareSkips,
  Planner,
  type GovernanceConfig,
  type Operation,
  type OrgSnapshot,
  type Plan,
  type Skip,
} from '@org/scope-engine';
import type { DirectoryPort } from '../ports/directory-port';
import type { OrganizationsPort } from '../ports/organizations-port';
import { readDirectoryView } from '../state/directory-view';
import { EMPTY_SNAPSHOT } from '../state/empty-snapshot';
import { type AccountSnapshotReaders, readAccountSnapshot } from '../state/read-account-snapshot';

/** What {@link planChange} reads besides the account readers. */
export interface ChangeReaders {
  /**
   * Names a new group or user (`DescribeGroup` / `DescribeUser`): CloudTrail hides the names.
   * @default the name stays unknown: only the rules naming the principal by id wait on it
   */
  readonly principalNames?: Pick<DirectoryPort, 'getPrincipal'>;
  /**
   * The organization's accounts, to find those in scope of the rules waiting on a new principal or
   * permission set. @default only the accounts the waiting rules name by id are planned
   */
  readonly organizationReads?: Pick<OrganizationsPort, 'readSnapshotStructure'>;
}

/** The event with the name of its new principal read from the identity store, when hidden. */
async function withPrincipalName(
  event: ChangeEvent,
  names: ChangeReaders['principalNames'],
): Promise<ChangeEvent> {
  if (event.type !== 'DirectoryPrincipalCreated' || event.name !== null || names === undefined)
    return event;
  const principal = await names.getPrincipal(event.principalType, event.principalId);
  return principal === null ? event : { ...event, name: principal.name };
}

/** The permission sets and principals planning reads: the stored view, or Identity Center live. */
async function directoryOf(
  config: GovernanceConfig,
  readers: AccountSnapshotReaders,
): Promise<Pick<OrgSnapshot, 'permissionSets' | 'principals'>> {
  const view =
    'directoryView' in readers
      ? await readers.directoryView.current()
      : await readDirectoryView(config, readers.identityCenter, readers.directory);
  return { permissionSets: view.permissionSets, principals: view.principals };
}

/**
 * The accounts the rules waiting on the new principal or permission set could match: those the
 * plan over the organization's structure touches (one read of the structure), else the accounts
 * rules name by id.
 */
async function candidateAccounts(
  event: ChangeEvent,
  config: GovernanceConfig,
  directory: Pick<OrgSnapshot, 'permissionSets' | 'principals'>,
  readers: ChangeReaders,
): Promise<string[]> {
  if (readers.organizationReads === undefined) {
    const named = config.assignmentRules.flatMap((rule) =>
      rule.scope.type === 'account' ? [rule.scope.id] : [],
    );
    return [...new Set(named)].sort();
  }
  const structure = await readers.organizationReads.readSnapshotStructure();
  const snapshot: OrgSnapshot = { ...EMPTY_SNAPSHOT, ...structure, ...directory };
  const plan = Planner.create(snapshot, config).planForEvent(event);
  const touched = [...plan.operations, ...plan.skipped].map((item) => item.accountId);
  return [...new Set(touched)].sort();
}

/**
 * Plans a change event in the deployed system with the engine's one planning function
 * (`Planner.planForEvent`), on the organization as it is now:
 * - a policy or an assignment changed by hand: the account is re-read (its attachments and, with
 *   the stored directory view, its managed assignments) and planned — what a person removed is
 *   restored when the rules still ask for it; what they added is reported, never adopted;
 * - a new group or user: its name is read from the identity store (CloudTrail hides it), then
 *   each account in scope of the rules naming it is re-read and planned, like a new permission set.
 *
 * @example
 * ```ts
 * const { plan, event } = await planChange(outcome.event, config, { ...readers, principalNames: directory });
 * ```
 */
export async function planChange(
  changed: ChangeEvent,
  config: GovernanceConfig,
  readers: AccountSnapshotReaders & ChangeReaders,
): Promise<{ readonly plan: Plan; readonly event: ChangeEvent }> {
  const event = await withPrincipalName(changed, readers.principalNames);
  if (event.type === 'PolicyChangedOutOfBand' || event.type === 'AssignmentChangedOutOfBand') {
    const snapshot = await readAccountSnapshot(event.accountId, config, readers);
    const ref = { type: event.type, accountId: event.accountId };
    if (snapshot === null) {
      const plan = { event: ref, operations: [], skipped: [], ignored: 'AccountNotInOrganization' };
      return { plan, event };
    }
    return { plan: Planner.create(snapshot, config).planForEvent(event), event };
  }
  // Which rules wait, judged on the directory alone (no account read when none does).
  const directory = await directoryOf(config, readers);
  const waiting = Planner.create({ ...EMPTY_SNAPSHOT, ...directory }, config).planForEvent(event);
  if (waiting.ignored !== null) return { plan: waiting, event };
  const operations: Operation[] = [];
  const skipped: Skip[] = [];
  for (const accountId of await candidateAccounts(event, config, directory, readers)) {
    const snapshot = await readAccountSnapshot(accountId, config, readers);
    if (snapshot === null) continue;
    const plan = Planner.create(snapshot, config).planForEvent(event);
    operations.push(...plan.operations);
    skipped.push(...plan.skipped);
  }
  operations.sort(compareOperations);
  skipped.sort(compareSkips);
  return { plan: { event: waiting.event, operations, skipped, ignored: null }, event };
}
