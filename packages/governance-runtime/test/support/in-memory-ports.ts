/**
 * The in-memory ports the use-case specs run against: a rules repository, and the organization,
 * provisioned state, queue, audit log and clock of one run.
 */
import type { GovernanceConfig, OrgSnapshot } from '@org/scope-engine';
import type { StoredGovernanceConfig } from '../../src/ports/rules-repository';
import { InMemoryAuditLog } from '../../src/testing/in-memory-audit-log';
import { InMemoryOperationQueue } from '../../src/testing/in-memory-operation-queue';
import { InMemoryOrganization } from '../../src/testing/in-memory-organization';
import { InMemoryProvisionedState } from '../../src/testing/in-memory-provisioned-state';
import { VirtualClock } from '../../src/testing/virtual-clock';

/**
 * A rules repository in memory holding `initial`: `save` stores a new version (no version
 * check), `current()` reads what is stored.
 *
 * @example
 * ```ts
 * const repository = inMemoryRulesRepository({ config: V1, version: 1, updatedAt: 't0' });
 * await applyRules(V2, { ...deps, rulesRepository: repository }, options);
 * ```
 */
export function inMemoryRulesRepository(initial: StoredGovernanceConfig) {
  let current = initial;
  return {
    load: async () => current,
    save: async (config: GovernanceConfig, expectedVersion: number, updatedAt: string) => {
      current = { config, version: expectedVersion + 1, updatedAt };
      return current.version;
    },
    current: () => current,
  };
}

/**
 * The in-memory ports a use-case spec starts from: `snapshot` as the organization (which also
 * answers for Identity Center and the directory), empty provisioned state, queue and audit log,
 * and a clock at 0 — each returned on its own and together as `deps`.
 *
 * @example
 * ```ts
 * const { deps, queue } = inMemoryPorts(ORG);
 * await reconcile({ ...deps, rules: staticRulesSource(CONFIG) }, { runId: 'r-1' });
 * ```
 */
export function inMemoryPorts(snapshot: OrgSnapshot) {
  const org = new InMemoryOrganization(snapshot);
  const provisionedState = new InMemoryProvisionedState();
  const queue = new InMemoryOperationQueue();
  const audit = new InMemoryAuditLog();
  const clock = new VirtualClock(0);
  const deps = {
    organizations: org,
    identityCenter: org,
    directory: org,
    provisionedState,
    queue,
    audit,
    clock,
  };
  return { org, provisionedState, queue, audit, clock, deps };
}
