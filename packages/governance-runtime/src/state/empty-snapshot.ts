/**
 * The organization snapshot with nothing in it: no root, no management account and every list
 * empty — the base a partial snapshot (an event that concerns no account, the parts a change
 * event reads) is spread onto.
 */
import type { OrgSnapshot } from '@org/scope-engine';

/**
 * A snapshot with nothing in it.
 *
 * @example
 * ```ts
 * const snapshot: OrgSnapshot = { ...EMPTY_SNAPSHOT, permissionSets, principals };
 * ```
 */
export const EMPTY_SNAPSHOT: OrgSnapshot = {
  managementAccountId: '',
  rootId: '',
  organizationalUnits: [],
  accounts: [],
  policies: [],
  permissionSets: [],
  principals: [],
  attachments: [],
  assignments: [],
};
