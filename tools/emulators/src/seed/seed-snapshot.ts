/**
 * Seeds a whole org snapshot (organization + Identity Center) into moto.
 */
import type { OrgSnapshot } from '@org/scope-engine';
import type { MotoClients } from '../clients/emulator-clients';
import { IdMap } from './id-map';
import { seedIdentityCenter } from './seed-identity-center';
import { seedOrganization } from './seed-organization';

/** What seeding produced. */
export interface SeededSnapshot {
  /** The input snapshot as moto holds it (moto's ids; see `seedOrganization` for caveats). */
  readonly snapshot: OrgSnapshot;
  /** Input id → moto id (root, OUs, accounts, policies, permission set ARNs, principals). */
  readonly ids: IdMap;
  readonly instanceArn: string;
  readonly identityStoreId: string;
}

/**
 * Builds the snapshot's organization, permission sets, users, groups and assignments in moto.
 *
 * @example
 * ```ts
 * const moto = createMotoClients();
 * const seeded = await seedSnapshot(moto, parseOrgSnapshot(readFileSync('examples/org.yaml', 'utf8')));
 * ```
 */
export async function seedSnapshot(
  clients: Pick<MotoClients, 'organizations' | 'ssoAdmin' | 'identityStore'>,
  snapshot: OrgSnapshot,
): Promise<SeededSnapshot> {
  const ids = new IdMap();
  const structure = await seedOrganization(clients.organizations, snapshot, ids);
  const identityCenter = await seedIdentityCenter(clients, snapshot, ids);
  const { instanceArn, identityStoreId, ...identity } = identityCenter;
  return { snapshot: { ...structure, ...identity }, ids, instanceArn, identityStoreId };
}
