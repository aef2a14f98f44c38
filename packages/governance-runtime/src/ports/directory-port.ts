/**
 * What the product needs from the Identity Center identity store.
 */
import type { Principal, PrincipalType } from '@org/scope-engine';

/**
 * Resolves users (by user name) and groups (by display name). A principal that does not exist
 * is `null` — distinct from a failure, which throws.
 *
 * @example
 * ```ts
 * const group = await directory.findPrincipal('GROUP', 'Auditors');
 * if (group === null) skip('PrincipalNotFound');
 * ```
 */
export interface DirectoryPort {
  /** The principal with this user name / group display name, or `null`. */
  findPrincipal(type: PrincipalType, name: string): Promise<Principal | null>;

  /** The principal with this id, or `null`. */
  getPrincipal(type: PrincipalType, id: string): Promise<Principal | null>;
}
