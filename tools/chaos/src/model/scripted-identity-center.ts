/**
 * The reference model's Identity Center: the in-memory organization's, except that creations of
 * the assignments scripted to fail end `FAILED` (as the chaos edge makes them end in moto).
 */
import type {
  AssignmentKey,
  AssignmentRequestState,
  IdentityCenterPort,
  InMemoryOrganization,
} from '@org/scope-engine';

const FAILED_PREFIX = 'model-failed#';

/** `account#permissionSetArn#principalType#principalId`. */
export const itemKeyOf = (a: AssignmentKey): string =>
  `${a.accountId}#${a.permissionSetArn}#${a.principalType}#${a.principalId}`;

/**
 * An Identity Center port over `org` whose creations of `failing` items end FAILED.
 *
 * @example
 * ```ts
 * const identityCenter = scriptedIdentityCenter(org, new Set([itemKeyOf(key)]));
 * ```
 */
export function scriptedIdentityCenter(
  org: InMemoryOrganization,
  failing: ReadonlySet<string>,
): IdentityCenterPort {
  return {
    listPermissionSets: () => org.listPermissionSets(),
    listAssignments: (accountId, arns) => org.listAssignments(accountId, arns),
    deleteAssignment: (key) => org.deleteAssignment(key),
    getDeletionStatus: (id) => org.getDeletionStatus(id),
    createAssignment: async (key): Promise<AssignmentRequestState> =>
      failing.has(itemKeyOf(key))
        ? { requestId: `${FAILED_PREFIX}${itemKeyOf(key)}`, status: 'IN_PROGRESS' }
        : org.createAssignment(key),
    getCreationStatus: async (id): Promise<AssignmentRequestState> =>
      id.startsWith(FAILED_PREFIX)
        ? { requestId: id, status: 'FAILED', failureReason: 'scripted' }
        : org.getCreationStatus(id),
  };
}
