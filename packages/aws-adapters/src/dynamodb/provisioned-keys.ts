/**
 * Keys and item shapes of the provisioned-state table.
 */
import type { ProvisionedItem, ProvisionedItemKey } from '@org/governance-runtime';
import { isPolicyType, SERVICE_CONTROL_POLICY } from '@org/scope-engine';
import { UnexpectedResponseError } from '../errors';
import type { StoredItem } from './document-calls';

const enc = encodeURIComponent;

/** Partition key of an account. */
export const accountPk = (accountId: string): string => `ACCOUNT#${accountId}`;

/**
 * Sort key of an item: `ITEM#SCP#<policyId>` (an attachment of any policy type: policy ids are
 * unique across types, and the key stays that of the items written before policy types) or
 * `ITEM#ASSIGNMENT#<permissionSetArn>#<principalType>#<principalId>` (segments URI-encoded).
 */
export function itemSk(key: ProvisionedItemKey): string {
  return key.kind === 'attachment'
    ? `ITEM#SCP#${enc(key.policyId)}`
    : `ITEM#ASSIGNMENT#${enc(key.permissionSetArn)}#${key.principalType}#${enc(key.principalId)}`;
}

/** Sort key of the copy of an item under one of its tag keys: `TAG#<tagKey>#<itemSk>`. */
export const tagSk = (tagKey: string, sk: string): string => `TAG#${enc(tagKey)}#${sk}`;

/** Sort-key prefix of every tag copy of a tag key. */
export const tagPrefix = (tagKey: string): string => `TAG#${enc(tagKey)}#`;

/** The stored attributes of an item (also written on its tag copies). */
export function itemAttributes(
  accountId: string,
  item: ProvisionedItem,
  version: number,
  updatedAt: string,
): StoredItem {
  const identity =
    item.kind === 'attachment'
      ? {
          kind: item.kind,
          policyId: item.policyId,
          policyType: item.policyType ?? SERVICE_CONTROL_POLICY,
        }
      : {
          kind: item.kind,
          permissionSetArn: item.permissionSetArn,
          principalType: item.principalType,
          principalId: item.principalId,
        };
  return {
    accountId,
    ...identity,
    ruleIds: [...item.ruleIds],
    tagKeys: [...item.tagKeys],
    version,
    updatedAt,
  };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];

/** Reads a stored item (or tag copy) back into a `ProvisionedItem`. */
export function toProvisionedItem(stored: StoredItem): ProvisionedItem {
  const ruleIds = strings(stored['ruleIds']);
  const tagKeys = strings(stored['tagKeys']);
  if (stored['kind'] === 'attachment' && typeof stored['policyId'] === 'string') {
    // Attachments recorded before policy types have no `policyType`: they are SCP attachments.
    const policyType = isPolicyType(stored['policyType'])
      ? stored['policyType']
      : SERVICE_CONTROL_POLICY;
    return { kind: 'attachment', policyId: stored['policyId'], policyType, ruleIds, tagKeys };
  }
  const { permissionSetArn, principalType, principalId } = stored;
  if (
    stored['kind'] === 'assignment' &&
    typeof permissionSetArn === 'string' &&
    (principalType === 'USER' || principalType === 'GROUP') &&
    typeof principalId === 'string'
  ) {
    return { kind: 'assignment', permissionSetArn, principalType, principalId, ruleIds, tagKeys };
  }
  throw new UnexpectedResponseError(`Malformed provisioned-state item ${String(stored['sk'])}`, {
    context: { operation: 'ReadProvisionedState' },
  });
}

/** The union of two string lists, sorted, without duplicates. */
export const mergeSorted = (a: readonly string[], b: readonly string[]): string[] =>
  [...new Set([...a, ...b])].sort();
