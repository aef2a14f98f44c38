/**
 * The operations worker's ports in memory, as the level-triggered executor specs run it.
 */
import type { OrgSnapshot } from '@org/scope-engine';
import { DEFAULT_ASSIGNMENT_POLLING } from '../../src/execute/execution-settings';
import type { LevelTriggeredDependencies } from '../../src/execute/execute-level-triggered';
import type { FailureReport } from '../../src/failure-reporter';
import { IdentityCenterQuota } from '../../src/quota/identity-center-quota';
import type { RulesSource } from '../../src/rules/rules-source';
import { CachedDirectoryView } from '../../src/state/directory-view-store';
import { InMemoryAuditLog } from '../../src/testing/in-memory-audit-log';
import { InMemoryDirectoryViewStore } from '../../src/testing/in-memory-directory-view-store';
import { InMemoryOperationQueue } from '../../src/testing/in-memory-operation-queue';
import { InMemoryOrganization } from '../../src/testing/in-memory-organization';
import { InMemoryProvisionedState } from '../../src/testing/in-memory-provisioned-state';
import { InMemoryQuotaStore } from '../../src/testing/in-memory-quota-store';
import type { VirtualClock } from '../../src/testing/virtual-clock';

/** The Organizations port the worker's executor and level check call. */
type WorkerOrganizations = LevelTriggeredDependencies['organizations'];

/**
 * The worker's ports over `snapshot` as the organization (which also answers for Identity
 * Center): empty provisioned state, queue and audit log, failures collected in `reports`, an
 * unthrottled Identity Center quota and the directory view cached a minute, all on `clock`, with
 * `rules` as the rules. `organizations` wraps the organization's port (to record its calls).
 *
 * @example
 * ```ts
 * const clock = new VirtualClock(0);
 * const { deps, audit } = workerPorts(ORG, clock, staticRulesSource(CONFIG));
 * await clock.run(() => executeLevelTriggered(message, deps));
 * ```
 */
export function workerPorts(
  snapshot: OrgSnapshot,
  clock: VirtualClock,
  rules: RulesSource,
  organizations: (org: InMemoryOrganization) => WorkerOrganizations = (org) => org,
) {
  const org = new InMemoryOrganization(snapshot);
  const audit = new InMemoryAuditLog();
  const provisionedState = new InMemoryProvisionedState();
  const reports: FailureReport[] = [];
  const views = new InMemoryDirectoryViewStore({
    permissionSets: snapshot.permissionSets,
    principals: snapshot.principals,
    readAt: null,
  });
  const deps = {
    organizations: organizations(org),
    identityCenter: org,
    provisionedState,
    audit,
    queue: new InMemoryOperationQueue(),
    failures: { report: async (failure: FailureReport) => void reports.push(failure) },
    quota: new IdentityCenterQuota(new InMemoryQuotaStore(), clock),
    rules,
    clock,
    polling: DEFAULT_ASSIGNMENT_POLLING,
    directoryView: new CachedDirectoryView(views, clock, 60_000),
  };
  return { org, audit, provisionedState, reports, deps };
}
