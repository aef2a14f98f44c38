import type { DomainEvent, EventMeta } from '@org/event-schemas';
import * as fc from 'fast-check';
import { hostileString } from './hostile-strings';
import { ACCOUNT_IDS, OU_IDS, ROOT_ID, TAG_KEYS, TAG_VALUES } from './org-world';
import { tagActor } from './tag-trust';

/** Account ids of the pool plus one no snapshot has. */
const accountId = fc.constantFrom(...ACCOUNT_IDS, '999999999999');
/** Parents of the pool plus an OU no snapshot has. */
const parentId = fc.constantFrom(ROOT_ID, ...OU_IDS, 'ou-ab12-99999999');
const ouId = fc.constantFrom(...OU_IDS, 'ou-ab12-99999999');
const nameOrNull = fc.option(fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), hostileString));
const tagMap = fc.dictionary(
  fc.constantFrom(...TAG_KEYS, 'owner'),
  fc.constantFrom(...TAG_VALUES),
  {
    maxKeys: 3,
    noNullPrototype: true,
  },
);

/** The `meta` of a generated event (CloudTrail fields as the parser fills them). */
function meta(source: string, detailType: string, eventName: string): fc.Arbitrary<EventMeta> {
  return fc.record({
    eventId: fc.uuid(),
    source: fc.constant(source),
    detailType: fc.constant(detailType),
    eventName: fc.constant(eventName),
    time: fc.constant('2026-11-01T10:00:00Z'),
    region: fc.constant('us-east-1'),
  });
}

const API = 'AWS API Call via CloudTrail';
const SERVICE = 'AWS Service Event via CloudTrail';

/** An `aws.tag` change: the full map and the changed keys. */
const replaceChange = fc
  .tuple(tagMap, fc.uniqueArray(fc.constantFrom(...TAG_KEYS, 'owner'), { maxLength: 3 }))
  .map(([tags, changedKeys]) => ({ kind: 'replace' as const, tags, changedKeys }));
/** A `TagResource` or `UntagResource` change, with its event name. */
const callChange = fc.oneof(
  tagMap.map((tags) => ({ change: { kind: 'set' as const, tags }, eventName: 'TagResource' })),
  fc
    .uniqueArray(fc.constantFrom(...TAG_KEYS, 'owner'), { minLength: 1, maxLength: 3 })
    .map((keys) => ({ change: { kind: 'remove' as const, keys }, eventName: 'UntagResource' })),
);

/** A ManagedAccountVended as the parser builds it: SUCCEEDED always names an account and an OU. */
const vended = fc
  .record({
    operation: fc.constantFrom('CreateManagedAccount' as const, 'UpdateManagedAccount' as const),
    state: fc.constantFrom(
      'SUCCEEDED' as const,
      'SUCCEEDED' as const,
      'FAILED' as const,
      'IN_PROGRESS' as const,
    ),
    accountId,
    accountName: nameOrNull,
    ouId,
    ouName: nameOrNull,
    message: fc.option(hostileString),
  })
  .chain((v) =>
    meta('aws.controltower', SERVICE, v.operation).map((m): DomainEvent => ({
      type: 'ManagedAccountVended',
      ...v,
      lifecycle: v.operation === 'CreateManagedAccount' ? 'created' : 'updated',
      accountId: v.state === 'SUCCEEDED' ? v.accountId : null,
      ouId: v.state === 'SUCCEEDED' ? v.ouId : null,
      meta: m,
    })),
  );

/**
 * Any domain event the parser can produce, about accounts and OUs of the pools (and a few that no
 * snapshot has), with hostile account, OU and failure names.
 *
 * @example
 * ```ts
 * fc.property(orgSnapshotDocument, governanceConfigDocument, domainEvent, (org, config, event) => …);
 * ```
 */
export const domainEvent: fc.Arbitrary<DomainEvent> = fc.oneof(
  fc.record({
    type: fc.constant('AccountCreated' as const),
    accountId,
    accountName: nameOrNull,
    meta: meta('aws.organizations', SERVICE, 'CreateAccountResult'),
  }),
  fc.record({
    type: fc.constant('CreateAccountFailed' as const),
    accountName: nameOrNull,
    failureReason: fc.option(hostileString),
    meta: meta('aws.organizations', SERVICE, 'CreateAccountResult'),
  }),
  fc.record({
    type: fc.constant('AccountJoined' as const),
    accountId,
    meta: meta('aws.organizations', API, 'AcceptHandshake'),
  }),
  fc.record({
    type: fc.constant('AccountMoved' as const),
    accountId,
    sourceParentId: parentId,
    destinationParentId: parentId,
    meta: meta('aws.organizations', API, 'MoveAccount'),
  }),
  fc.record({
    type: fc.constant('AccountTagsChanged' as const),
    accountId,
    change: replaceChange,
    meta: meta('aws.tag', 'Tag Change on Resource', 'TagChangeOnResource'),
  }),
  // TagResource / UntagResource name their caller: the tag ledger records it.
  fc.tuple(accountId, callChange, tagActor).chain(([id, { change, eventName }, actor]) =>
    meta('aws.organizations', API, eventName).map((m) => ({
      type: 'AccountTagsChanged' as const,
      accountId: id,
      change,
      actor,
      meta: m,
    })),
  ),
  fc.record({
    type: fc.constant('AccountRemoved' as const),
    accountId,
    meta: meta('aws.organizations', API, 'RemoveAccountFromOrganization'),
  }),
  vended,
  fc.record({
    type: fc.constant('OrganizationalUnitCreated' as const),
    ouId,
    name: fc.oneof(fc.constant('NewOu'), hostileString),
    parentId,
    meta: meta('aws.organizations', API, 'CreateOrganizationalUnit'),
  }),
);
