import type { ChangeActor, ChangeEvent } from '../domain/change-event';
import { displayText } from './display-text';

/** The longest summary {@link describeChange} returns, in code points. */
const MAX_SUMMARY_LENGTH = 512;

/** Who made a change: the caller's ARN, its role, the service, or `unknown caller`. */
function who(actor: ChangeActor): string {
  return actor.arn ?? actor.sessionIssuerArn ?? actor.invokedBy ?? 'unknown caller';
}

/** The summary of {@link describeChange}, before it is made safe to display. */
function summarize(event: ChangeEvent): string {
  switch (event.type) {
    case 'PolicyChangedOutOfBand':
      return `PolicyChangedOutOfBand ${event.policyId} ${event.change} on ${event.accountId} by ${who(event.actor)}`;
    case 'AssignmentChangedOutOfBand':
      return (
        `AssignmentChangedOutOfBand ${event.change} ${event.principalType} ${event.principalId} ` +
        `${event.permissionSetArn} on ${event.accountId} by ${who(event.actor)}`
      );
    case 'DirectoryPrincipalCreated':
      return `DirectoryPrincipalCreated ${event.principalType} ${event.principalId}${event.name === null ? ' (name not in the event)' : ` (${event.name})`}`;
    case 'PermissionSetCreated':
      return `PermissionSetCreated ${event.permissionSetArn}${event.name === null ? '' : ` (${event.name})`}`;
  }
}

/**
 * A one-line, human-readable summary of a change event, safe to display (control characters
 * escaped, length bounded).
 *
 * @example
 * ```ts
 * describeChange(event); // 'PolicyChangedOutOfBand p-aaaa1111 detached on 222233334444 by arn:aws:sts::…'
 * ```
 */
export function describeChange(event: ChangeEvent): string {
  return displayText(summarize(event), MAX_SUMMARY_LENGTH);
}
