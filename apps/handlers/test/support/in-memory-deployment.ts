/**
 * The deployed system's AWS side in memory (organization, Identity Center, tables, queue), for
 * handler tests that check behaviour rather than AWS calls (those run against moto in test/e2e).
 */
import {
  DEFAULT_ASSIGNMENT_POLLING,
  IdentityCenterQuota,
  InMemoryAuditLog,
  InMemoryIdempotencyStore,
  InMemoryOperationQueue,
  InMemoryOrganization,
  InMemoryProvisionedState,
  InMemoryQuotaStore,
  staticRulesSource,
  VirtualClock,
} from '@org/scope-engine';
import { exampleConfig, exampleOrg } from './fixtures';

/** Everything a handler test wires its handler with. */
export function inMemoryDeployment() {
  const org = new InMemoryOrganization(exampleOrg());
  const config = exampleConfig();
  const clock = new VirtualClock(Date.parse('2026-11-01T10:00:05Z'));
  return {
    org,
    config,
    clock,
    rules: staticRulesSource(config),
    provisionedState: new InMemoryProvisionedState(),
    audit: new InMemoryAuditLog(),
    queue: new InMemoryOperationQueue(),
    markers: new InMemoryIdempotencyStore(),
    quota: new IdentityCenterQuota(new InMemoryQuotaStore(), clock),
    polling: DEFAULT_ASSIGNMENT_POLLING,
  };
}
