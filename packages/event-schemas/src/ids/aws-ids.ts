import * as z from 'zod/mini';

/** AWS account id: exactly 12 digits (Organizations API `AccountId` pattern). */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
/** Organization root id: `r-` then 4-32 lowercase letters or digits. */
export const ROOT_ID_PATTERN = /^r-[0-9a-z]{4,32}$/;
/** Organizational unit id: `ou-`, the root part (4-32), `-`, then 8-32 lowercase letters or digits. */
export const OU_ID_PATTERN = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
/** Policy id: `p-` then 8-128 letters, digits or underscores (`p-FullAWSAccess` included). */
export const POLICY_ID_PATTERN = /^p-[0-9a-zA-Z_]{8,128}$/;
/** Resource policy id (taggable through `TagResource`): `rp-` then 4-128 letters, digits or `_`. */
export const RESOURCE_POLICY_ID_PATTERN = /^rp-[0-9a-zA-Z_]{4,128}$/;

/**
 * What each id looks like, in the words used by every {@link EventIssue} `expected` text.
 *
 * @example
 * ```ts
 * EXPECTED_ID.accountId; // 'a 12-digit AWS account id'
 * ```
 */
export const EXPECTED_ID = {
  accountId: 'a 12-digit AWS account id',
  rootId: 'a root id like r-ab12',
  ouId: 'an OU id like ou-ab12-11111111',
  parentId: 'a root or OU id like r-ab12 or ou-ab12-11111111',
  policyId: 'a policy id like p-FullAWSAccess',
  taggableId: 'a 12-digit AWS account id, or a root, OU or policy id',
} as const;

/**
 * `true` when `value` is a 12-digit AWS account id.
 *
 * @example
 * ```ts
 * isAccountId('222233334444'); // true
 * isAccountId('ou-ab12-11111111'); // false
 * ```
 */
export function isAccountId(value: unknown): value is string {
  return typeof value === 'string' && ACCOUNT_ID_PATTERN.test(value);
}

/** `true` when `value` is a root id (`r-ab12`). */
export function isRootId(value: unknown): value is string {
  return typeof value === 'string' && ROOT_ID_PATTERN.test(value);
}

/** `true` when `value` is an OU id (`ou-ab12-11111111`). */
export function isOuId(value: unknown): value is string {
  return typeof value === 'string' && OU_ID_PATTERN.test(value);
}

/** `true` when `value` is a policy id (`p-FullAWSAccess`, `p-aaaa1111`). */
export function isPolicyId(value: unknown): value is string {
  return typeof value === 'string' && POLICY_ID_PATTERN.test(value);
}

/** A string schema whose every failure (absent, wrong type, wrong shape) reports `expected`. */
function idSchema(test: (value: string) => boolean, expected: string) {
  return z.string({ error: expected }).check(z.refine(test, { error: expected }));
}

/**
 * A 12-digit AWS account id.
 *
 * @example
 * ```ts
 * AccountIdSchema.parse('222233334444');
 * ```
 */
export const AccountIdSchema = idSchema(isAccountId, EXPECTED_ID.accountId);
/** A 12-digit AWS account id (inferred type). */
export type AccountId = z.infer<typeof AccountIdSchema>;

/** An organization root id such as `r-ab12`. */
export const RootIdSchema = idSchema(isRootId, EXPECTED_ID.rootId);
/** An organization root id (inferred type). */
export type RootId = z.infer<typeof RootIdSchema>;

/** An organizational unit id such as `ou-ab12-11111111`. */
export const OuIdSchema = idSchema(isOuId, EXPECTED_ID.ouId);
/** An organizational unit id (inferred type). */
export type OuId = z.infer<typeof OuIdSchema>;

/** A parent id: a root id or an OU id (Organizations `ParentId`). */
export const ParentIdSchema = idSchema((v) => isRootId(v) || isOuId(v), EXPECTED_ID.parentId);
/** A parent id (inferred type). */
export type ParentId = z.infer<typeof ParentIdSchema>;

/** A policy id such as `p-FullAWSAccess`. */
export const PolicyIdSchema = idSchema(isPolicyId, EXPECTED_ID.policyId);
/** A policy id (inferred type). */
export type PolicyId = z.infer<typeof PolicyIdSchema>;

/** Any id `TagResource` / `UntagResource` accept: account, root, OU, policy or resource policy. */
export const TaggableResourceIdSchema = idSchema(
  (v) =>
    isAccountId(v) ||
    isRootId(v) ||
    isOuId(v) ||
    isPolicyId(v) ||
    RESOURCE_POLICY_ID_PATTERN.test(v),
  EXPECTED_ID.taggableId,
);
/** A taggable Organizations resource id (inferred type). */
export type TaggableResourceId = z.infer<typeof TaggableResourceIdSchema>;
