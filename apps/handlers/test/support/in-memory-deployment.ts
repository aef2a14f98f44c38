/**
 * The deployed system's AWS side in memory (organization, Identity Center, tables, queue), for
 * handler tests that check behaviour rather than AWS calls (those run against moto in test/e2e).
 */
import {
  CachedDirectoryView,
  DEFAULT_ASSIGNMENT_POLLING,
  IdentityCenterQuota,
  type RulesSource,
  staticRulesSource,
  type StoredViewProcessEventDependencies,
  tagKeysOf,
} from '@org/governance-runtime';
import {
  InMemoryAuditLog,
  InMemoryDirectoryViewStore,
  InMemoryIdempotencyStore,
  InMemoryOperationQueue,
  InMemoryOrganization,
  InMemoryPauseSwitch,
  InMemoryProvisionedState,
  InMemoryQuotaStore,
  liveOrganizationReads,
  VirtualClock,
} from '@org/governance-runtime/testing';
import { collectingFailures, exampleConfig, exampleOrg } from './fixtures';

/** Everything a handler test wires its handler with. */
export function inMemoryDeployment() {
  const org = new InMemoryOrganization(exampleOrg());
  const config = exampleConfig();
  const clock = new VirtualClock(Date.parse('2026-11-01T10:00:05Z'));
  const { permissionSets, principals } = org.snapshot();
  // What the last reconcile (or `rules apply`) stored for the processor.
  const directoryViews = new InMemoryDirectoryViewStore({
    permissionSets,
    principals,
    readAt: '2026-11-01T00:00:00.000Z',
  });
  return {
    org,
    config,
    clock,
    rules: staticRulesSource(config),
    directoryViews,
    directoryView: new CachedDirectoryView(directoryViews, clock, 60_000),
    provisionedState: new InMemoryProvisionedState(),
    audit: new InMemoryAuditLog(),
    queue: new InMemoryOperationQueue(),
    markers: new InMemoryIdempotencyStore(),
    quota: new IdentityCenterQuota(new InMemoryQuotaStore(), clock),
    polling: DEFAULT_ASSIGNMENT_POLLING,
  };
}

/**
 * Records what examples/org.yaml marks as created by the product (`managedBy`) in the
 * deployment's provisioned state, as the deployed system would have recorded it.
 */
export async function recordExampleProvisionedState(
  env: ReturnType<typeof inMemoryDeployment>,
): Promise<void> {
  const { attachments, assignments } = exampleOrg();
  for (const { targetId, policyId, managedBy = [] } of attachments) {
    if (managedBy.length === 0) continue;
    const ruleIds = [...managedBy].sort();
    const item = {
      kind: 'attachment' as const,
      policyId,
      ruleIds,
      tagKeys: tagKeysOf(env.config, ruleIds),
    };
    await env.provisionedState.recordApplied(targetId, item);
  }
  for (const { accountId, managedBy = [], ...key } of assignments) {
    if (managedBy.length === 0) continue;
    const ruleIds = [...managedBy].sort();
    const item = {
      kind: 'assignment' as const,
      ...key,
      ruleIds,
      tagKeys: tagKeysOf(env.config, ruleIds),
    };
    await env.provisionedState.recordApplied(accountId, item);
  }
}

/**
 * The ports the deployed processor's `processEvent` uses, from a deployment; `overrides` replace
 * some of them (a wrapped queue or rules source).
 */
export function processPorts(
  env: ReturnType<typeof inMemoryDeployment>,
  overrides: Partial<StoredViewProcessEventDependencies> = {},
): StoredViewProcessEventDependencies {
  return {
    organizations: env.org,
    directoryView: env.directoryView,
    provisionedState: env.provisionedState,
    rules: env.rules,
    queue: env.queue,
    audit: env.audit,
    clock: env.clock,
    ...overrides,
  };
}

/**
 * The reconciler's ports from a deployment, with `rules` as its rules: failures collected in
 * `failures`, an in-memory pause switch (`control`, also the run log) — and `handlerPorts`, the
 * reconciler handler's two sets of them: the one-pass run (`reconcile`) reads the organization
 * directly, the whole-organization run page by page (`reads`, {@link liveOrganizationReads}).
 *
 * @example
 * ```ts
 * const { handlerPorts, failures } = reconcilerPorts(env);
 * const handler = createReconcilerHandler({ ...handlerPorts, failures, observability, dryRunByDefault: true });
 * ```
 */
export function reconcilerPorts(
  env: ReturnType<typeof inMemoryDeployment>,
  rules: RulesSource = env.rules,
) {
  const failures = collectingFailures();
  const control = new InMemoryPauseSwitch();
  const ports = {
    directory: env.org,
    directoryViews: env.directoryViews,
    provisionedState: env.provisionedState,
    rules,
    queue: env.queue,
    audit: env.audit,
    clock: env.clock,
    failures,
    pauseSwitch: control,
    runLog: control,
  };
  const reads = liveOrganizationReads(env.org);
  const handlerPorts = {
    reconcile: { ...ports, organizations: env.org, identityCenter: env.org },
    wholeOrganization: { ...ports, organizations: reads, identityCenter: reads },
  };
  return { ports, failures, control, reads, handlerPorts };
}
