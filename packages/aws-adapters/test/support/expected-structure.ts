/**
 * What the Organizations adapter should read back from a seeded organization.
 */
import type { OrgStructure } from '@org/governance-runtime';
import type { SeededStructure } from '@org/emulators';
import { compareStrings } from '../../src/util';

/** The seeded structure sorted like the adapter sorts it, attachments without `managedBy`. */
export function expectedStructure(seeded: SeededStructure): OrgStructure {
  const byId = <T extends { readonly id: string }>(items: readonly T[]): T[] =>
    [...items].sort((a, b) => compareStrings(a.id, b.id));
  return {
    managementAccountId: seeded.managementAccountId,
    rootId: seeded.rootId,
    // SCPs always count as enabled; the others as the root says.
    enabledPolicyTypes: [
      ...new Set(['SERVICE_CONTROL_POLICY' as const, ...(seeded.enabledPolicyTypes ?? [])]),
    ].sort(),
    organizationalUnits: byId(seeded.organizationalUnits),
    accounts: byId(seeded.accounts),
    policies: byId(seeded.policies),
    attachments: seeded.attachments
      .map(({ targetId, policyId }) => ({ targetId, policyId }))
      .sort(
        (a, b) => compareStrings(a.targetId, b.targetId) || compareStrings(a.policyId, b.policyId),
      ),
  };
}
