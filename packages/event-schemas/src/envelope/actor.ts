import type { ChangeActor } from '../domain/change-event';
import type { CloudTrailUserIdentity } from './cloudtrail-detail';

/**
 * The {@link ChangeActor} of a CloudTrail record's `userIdentity` (every field `null` when absent).
 *
 * @example
 * ```ts
 * actorOf(event.detail.userIdentity).sessionIssuerArn; // 'arn:aws:iam::111111111111:role/Admin'
 * ```
 */
export function actorOf(identity: CloudTrailUserIdentity | undefined): ChangeActor {
  return {
    type: identity?.type ?? null,
    arn: identity?.arn ?? null,
    principalId: identity?.principalId ?? null,
    accountId: identity?.accountId ?? null,
    sessionIssuerArn: identity?.sessionContext?.sessionIssuer?.arn ?? null,
    invokedBy: identity?.invokedBy ?? null,
  };
}
