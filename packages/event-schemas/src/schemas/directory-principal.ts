import * as z from 'zod/mini';
import type { DirectoryPrincipalCreated, PrincipalType } from '../domain/change-event';
import { actorOf } from '../envelope/actor';
import { cloudTrailEvent } from '../envelope/cloudtrail-detail';
import { eventMeta } from '../envelope/event-meta';
import { nameOrNull } from '../text/masked-values';

/** A path inside a CloudTrail `detail`. */
type Path = readonly string[];

/** Where each field of a new group or user may be, in the order they are read. */
const FIELDS: Readonly<Record<PrincipalType, { id: Path[]; name: Path[] }>> = {
  // Identity Store API (`identitystore`): `{ groupId, identityStoreId }`; the console's
  // `sso-directory` API answers `{ group: { groupId, groupName, … } }`.
  GROUP: {
    id: [
      ['responseElements', 'groupId'],
      ['responseElements', 'group', 'groupId'],
    ],
    name: [
      ['requestParameters', 'displayName'],
      ['responseElements', 'group', 'displayName'],
      ['responseElements', 'group', 'groupName'],
      ['requestParameters', 'groupName'],
    ],
  },
  USER: {
    id: [
      ['responseElements', 'userId'],
      ['responseElements', 'user', 'userId'],
    ],
    name: [
      ['requestParameters', 'userName'],
      ['responseElements', 'user', 'userName'],
    ],
  },
};

/** Where the identity store id may be. */
const IDENTITY_STORE_ID: Path[] = [
  ['requestParameters', 'identityStoreId'],
  ['responseElements', 'identityStoreId'],
  ['responseElements', 'group', 'identityStoreId'],
  ['responseElements', 'user', 'identityStoreId'],
];

/** The value at `path` in `root`, or `undefined`. */
function at(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as Readonly<Record<string, unknown>>)[key];
  }
  return node;
}

/** The first non-empty string at one of `paths`, or `undefined`. */
function firstString(root: unknown, paths: readonly Path[]): string | undefined {
  for (const path of paths) {
    const value = at(root, path);
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** The principal type an Identity Store event name creates. */
function principalTypeOf(eventName: 'CreateGroup' | 'CreateUser'): PrincipalType {
  return eventName === 'CreateGroup' ? 'GROUP' : 'USER';
}

/**
 * Identity Store `CreateGroup` / `CreateUser` API calls (source `aws.sso-directory` or
 * `aws.identitystore`): the new principal's id from `responseElements` (`groupId` / `userId`,
 * or inside `group` / `user`). Names are usually hidden (`HIDDEN_DUE_TO_SECURITY_REASONS`) or
 * absent: they are read when present, never required.
 *
 * @example
 * ```ts
 * DirectoryPrincipalSchema.parse(raw).detail.responseElements; // { groupId: '…', identityStoreId: 'd-…' }
 * ```
 */
export const DirectoryPrincipalSchema = cloudTrailEvent({
  eventName: z.enum(['CreateGroup', 'CreateUser']),
}).check(
  z.superRefine((event, ctx) => {
    const type = principalTypeOf(event.detail.eventName);
    if (firstString(event.detail, FIELDS[type].id) !== undefined) return;
    const [first] = FIELDS[type].id;
    const key = type === 'GROUP' ? 'groupId' : 'userId';
    ctx.addIssue({
      code: 'custom',
      path: ['detail', ...(first ?? [])],
      message: `the new ${type === 'GROUP' ? 'group' : 'user'}'s id (responseElements.${key})`,
    });
  }),
);

/** A `CreateGroup` / `CreateUser` event (inferred type). */
export type DirectoryPrincipal = z.infer<typeof DirectoryPrincipalSchema>;

/** Maps a validated `CreateGroup` / `CreateUser` to `DirectoryPrincipalCreated`. */
export function toDirectoryPrincipalCreated(event: DirectoryPrincipal): DirectoryPrincipalCreated {
  const type = principalTypeOf(event.detail.eventName);
  return {
    type: 'DirectoryPrincipalCreated',
    principalType: type,
    principalId: String(firstString(event.detail, FIELDS[type].id)),
    identityStoreId: firstString(event.detail, IDENTITY_STORE_ID) ?? null,
    name:
      FIELDS[type].name
        .map((path) => nameOrNull(firstString(event.detail, [path])))
        .find((name) => name !== null) ?? null,
    actor: actorOf(event.detail.userIdentity),
    meta: eventMeta(event, event.detail.eventName),
  };
}
