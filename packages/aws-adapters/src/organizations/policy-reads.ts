/**
 * Reads of policies and attachments limited to the policy types the rules use: one
 * `ListPolicies` per type, and per target one `ListPoliciesForTarget` per type.
 */
import {
  POLICY_TYPES,
  SERVICE_CONTROL_POLICY,
  type Attachment,
  type Policy,
  type PolicyType,
} from '@org/scope-engine';
import { compareStrings, type Limiter } from '../util';
import {
  listDirectPolicyIds,
  listPoliciesOfType,
  type OrganizationsApi,
} from './organizations-api';

/** Where the adapter learns which policy types the rules use (e.g. from the current rules). */
export type PolicyTypeSource = () => Promise<readonly PolicyType[]> | readonly PolicyType[];

/**
 * The types to read: SERVICE_CONTROL_POLICY always (as before policy types existed), and every
 * other wanted type that is enabled on the root (a type that is not enabled has no attachments),
 * in {@link POLICY_TYPES} order.
 */
export function typesToRead(
  wanted: readonly PolicyType[],
  enabled: readonly PolicyType[],
): PolicyType[] {
  return POLICY_TYPES.filter(
    (type) => type === SERVICE_CONTROL_POLICY || (wanted.includes(type) && enabled.includes(type)),
  );
}

/** Every policy of `types`, sorted by id. */
export async function listPoliciesOfTypes(
  api: OrganizationsApi,
  limit: Limiter,
  types: readonly PolicyType[],
): Promise<Policy[]> {
  const lists = await Promise.all(types.map((type) => limit(() => listPoliciesOfType(api, type))));
  return lists.flat().sort((a, b) => compareStrings(a.id, b.id));
}

/** The policies of `types` attached directly to `targetId`, sorted by policy id. */
export async function directAttachmentsOfTypes(
  api: OrganizationsApi,
  limit: Limiter,
  targetId: string,
  types: readonly PolicyType[],
): Promise<Attachment[]> {
  const lists = await Promise.all(
    types.map((type) => limit(() => listDirectPolicyIds(api, targetId, type))),
  );
  return lists
    .flat()
    .sort(compareStrings)
    .map((policyId) => ({ targetId, policyId }));
}
