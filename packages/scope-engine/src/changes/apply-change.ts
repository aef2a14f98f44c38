import type { ChangeEvent } from '@org/event-schemas';
import type { OrgSnapshot } from '../model/org-snapshot';

/**
 * The snapshot after a change event, so a snapshot taken before or after it gives the same plan: a
 * policy detached by hand leaves the account's attachments, an assignment deleted by hand leaves
 * the assignments, a new group or user joins the snapshot's principals (named by its id when the
 * event hides its name), a new permission set whose name is known joins the permission sets. Items added by hand are left out: the product never
 * adopts them. Applying a change to a snapshot that already reflects it changes nothing.
 *
 * @example
 * ```ts
 * const after = applyChange(before, { type: 'PolicyChangedOutOfBand', change: 'detached', policyId: 'p-aaaa1111', accountId: '222222222222', actor, meta });
 * ```
 */
export function applyChange(snapshot: OrgSnapshot, event: ChangeEvent): OrgSnapshot {
  switch (event.type) {
    case 'PolicyChangedOutOfBand': {
      if (event.change === 'attached') return snapshot;
      const gone = (a: OrgSnapshot['attachments'][number]) =>
        a.targetId === event.accountId && a.policyId === event.policyId;
      if (!snapshot.attachments.some(gone)) return snapshot;
      return { ...snapshot, attachments: snapshot.attachments.filter((a) => !gone(a)) };
    }
    case 'AssignmentChangedOutOfBand': {
      if (event.change === 'created') return snapshot;
      const gone = (a: OrgSnapshot['assignments'][number]) =>
        a.accountId === event.accountId &&
        a.permissionSetArn === event.permissionSetArn &&
        a.principalType === event.principalType &&
        a.principalId === event.principalId;
      if (!snapshot.assignments.some(gone)) return snapshot;
      return { ...snapshot, assignments: snapshot.assignments.filter((a) => !gone(a)) };
    }
    case 'DirectoryPrincipalCreated': {
      const known = snapshot.principals.some(
        (p) => p.type === event.principalType && p.id === event.principalId,
      );
      if (known) return snapshot;
      // A name CloudTrail hides is unknown here: the id stands in, so rules naming it by id resolve.
      const name = event.name ?? event.principalId;
      const principal = { type: event.principalType, name, id: event.principalId };
      return { ...snapshot, principals: [...snapshot.principals, principal] };
    }
    case 'PermissionSetCreated': {
      const known = snapshot.permissionSets.some((p) => p.arn === event.permissionSetArn);
      if (known || event.name === null) return snapshot;
      const permissionSet = { name: event.name, arn: event.permissionSetArn };
      return { ...snapshot, permissionSets: [...snapshot.permissionSets, permissionSet] };
    }
  }
}
