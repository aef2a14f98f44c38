/**
 * The directory view item of the provisioned-state table: how a {@link StoredDirectoryView} is
 * written and read back.
 */
import type { PermissionSet, Principal } from '@org/scope-engine';
import type { StoredDirectoryView } from '@org/governance-runtime';
import { type AdapterErrorContext, UnexpectedResponseError } from '../errors';

/** The key of the directory view item in the provisioned-state table (no account uses it). */
export const DIRECTORY_VIEW_KEY = { pk: 'IDENTITY_CENTER', sk: 'DIRECTORY_VIEW' } as const;

/** `true` for a plain object. */
function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A permission set read back, or `null` when malformed. */
function toPermissionSet(value: unknown): PermissionSet | null {
  if (!isRecord(value) || typeof value['name'] !== 'string' || typeof value['arn'] !== 'string') {
    return null;
  }
  return { name: value['name'], arn: value['arn'] };
}

/** A principal read back, or `null` when malformed. */
function toPrincipal(value: unknown): Principal | null {
  if (!isRecord(value)) return null;
  const { type, name, id } = value;
  if ((type !== 'USER' && type !== 'GROUP') || typeof name !== 'string' || typeof id !== 'string') {
    return null;
  }
  return { type, name, id };
}

/** Every entry of a list read back, or an {@link UnexpectedResponseError} naming the first bad one. */
function listOf<T>(
  item: Readonly<Record<string, unknown>>,
  field: string,
  read: (v: unknown) => T | null,
  context: AdapterErrorContext,
): T[] {
  const list = item[field];
  if (!Array.isArray(list)) {
    throw new UnexpectedResponseError(`directory view item: ${field} is not a list`, { context });
  }
  return list.map((entry: unknown, index) => {
    const value = read(entry);
    if (value === null) {
      throw new UnexpectedResponseError(`directory view item: ${field}[${index}] is malformed`, {
        context,
      });
    }
    return value;
  });
}

/**
 * The item storing a directory view.
 *
 * @example
 * ```ts
 * directoryViewItem(view); // { pk: 'IDENTITY_CENTER', sk: 'DIRECTORY_VIEW', permissionSets, principals, readAt }
 * ```
 */
export function directoryViewItem(view: StoredDirectoryView): Record<string, unknown> {
  return {
    ...DIRECTORY_VIEW_KEY,
    permissionSets: view.permissionSets.map(({ name, arn }) => ({ name, arn })),
    principals: view.principals.map(({ type, name, id }) => ({ type, name, id })),
    readAt: view.readAt,
  };
}

/**
 * The directory view an item stores.
 *
 * @example
 * ```ts
 * fromDirectoryViewItem(output.Item, { operation: 'GetItem', tableName }); // { permissionSets, principals, readAt }
 * ```
 *
 * @throws {UnexpectedResponseError} (not retryable) naming the malformed field.
 */
export function fromDirectoryViewItem(
  item: Readonly<Record<string, unknown>>,
  context: AdapterErrorContext = {},
): StoredDirectoryView {
  const readAt = item['readAt'];
  return {
    permissionSets: listOf(item, 'permissionSets', toPermissionSet, context),
    principals: listOf(item, 'principals', toPrincipal, context),
    readAt: typeof readAt === 'string' ? readAt : null,
  };
}
