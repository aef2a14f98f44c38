import { ACCOUNT_ID, ARN, OU_ID, POLICY_ID, ROOT_ID, RULE_ID_PATTERN } from '../schema/id-schemas';
import { isCleanText, NAME_LIMITS } from '../schema/text-schemas';

/*
 * Allocation-free checks for the items of the large snapshot lists. Each accepts an item only if
 * its zod schema (snapshot-schema.ts) certainly accepts it unchanged; anything else goes through
 * zod, which reports the problems. They make validating a million assignments cheap; they never
 * decide what is valid on their own.
 */

type Item = Record<string, unknown>;

const ATTACHMENT_KEYS = new Set(['targetId', 'policyId', 'managedBy']);
const ASSIGNMENT_KEYS = new Set([
  'accountId',
  'permissionSetArn',
  'principalType',
  'principalId',
  'managedBy',
]);
const ACCOUNT_KEYS = new Set(['id', 'name', 'email', 'parentId', 'status', 'tags']);
const STATUSES = new Set(['ACTIVE', 'SUSPENDED', 'PENDING_CLOSURE']);

function onlyKeys(item: Item, allowed: ReadonlySet<string>): boolean {
  for (const key in item) if (!allowed.has(key)) return false;
  return true;
}

function matches(value: unknown, pattern: RegExp): boolean {
  return typeof value === 'string' && pattern.test(value);
}

function managedByOk(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value)) return false;
  for (const id of value) if (!matches(id, RULE_ID_PATTERN)) return false;
  return true;
}

const isParentId = (v: unknown) => matches(v, ROOT_ID) || matches(v, OU_ID);

/** `true` when an attachment item is certainly valid as it is. */
export function isPlainValidAttachment(item: Item): boolean {
  const target = item['targetId'];
  return (
    onlyKeys(item, ATTACHMENT_KEYS) &&
    (matches(target, ACCOUNT_ID) || isParentId(target)) &&
    matches(item['policyId'], POLICY_ID) &&
    managedByOk(item['managedBy'])
  );
}

/** `true` when an assignment item is certainly valid as it is. */
export function isPlainValidAssignment(item: Item): boolean {
  const type = item['principalType'];
  const principalId = item['principalId'];
  return (
    onlyKeys(item, ASSIGNMENT_KEYS) &&
    matches(item['accountId'], ACCOUNT_ID) &&
    matches(item['permissionSetArn'], ARN) &&
    (type === 'USER' || type === 'GROUP') &&
    isCleanText(principalId, NAME_LIMITS.principalId) &&
    managedByOk(item['managedBy'])
  );
}

/** `true` when an account item is certainly valid as it is, defaults included (status and tags present). */
export function isPlainValidAccount(item: Item): boolean {
  const name = item['name'];
  const email = item['email'];
  const tags = item['tags'];
  if (
    !onlyKeys(item, ACCOUNT_KEYS) ||
    !matches(item['id'], ACCOUNT_ID) ||
    !isParentId(item['parentId'])
  )
    return false;
  if (!isCleanText(name, NAME_LIMITS.accountName)) return false;
  if (email !== undefined && !isCleanText(email, NAME_LIMITS.accountEmail, 'control', 0))
    return false;
  if (typeof item['status'] !== 'string' || !STATUSES.has(item['status'])) return false;
  if (
    typeof tags !== 'object' ||
    tags === null ||
    Array.isArray(tags) ||
    Object.getPrototypeOf(tags) !== Object.prototype
  ) {
    return false;
  }
  for (const key in tags) {
    if (!isCleanText(key, NAME_LIMITS.tagKey, 'controlOrInvisible')) return false;
    if (!isCleanText((tags as Item)[key], NAME_LIMITS.tagValue, 'controlOrInvisible', 0))
      return false;
  }
  return true;
}
