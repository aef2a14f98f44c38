/**
 * Key designs of the five DynamoDB tables: every table is on-demand with string keys. The
 * construct builds its tables from these designs; adapters, tests and local runs create theirs
 * with `createTableInput` from the same designs.
 */

/** A global secondary index (projection ALL). */
export interface IndexDesign {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly sortKey: string;
}

/** A table's keys, indexes and TTL attribute. */
export interface TableDesign {
  readonly partitionKey: string;
  /** @default no sort key */
  readonly sortKey?: string;
  readonly globalIndexes: readonly IndexDesign[];
  /** Attribute holding the expiry in epoch seconds. @default items never expire */
  readonly ttlAttribute?: string;
}

/** Key attribute names of every table. */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** TTL attribute (epoch seconds) of the audit and idempotency tables. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** The rules-table index answering "rules whose scope is X". */
export const RULES_SCOPE_INDEX = {
  indexName: 'byScope',
  partitionKey: 'scopeKey',
  sortKey: 'scopeSort',
} as const satisfies IndexDesign;

/**
 * The five tables, by the name the construct and its permissions use.
 *
 * @example
 * ```ts
 * TABLE_DESIGNS.audit.ttlAttribute; // 'expiresAt'
 * ```
 */
export const TABLE_DESIGNS = {
  /**
   * Rules: `pk=CONFIG/sk=CURRENT` pointer + `pk=GEN#<generation>` rule items + one
   * `pk=GEN#<generation>#META` item per generation (what it was saved as); index by scope.
   */
  rules: { ...TABLE_KEYS, globalIndexes: [RULES_SCOPE_INDEX] },
  /**
   * Provisioned state: `pk=ACCOUNT#<id>`, `sk=ITEM#…` items and `sk=TAG#<key>#ITEM#…` copies
   * (an attachment item records its `policyType`; one without it is an SCP attachment, as written
   * before policy types); also the directory view (`pk=IDENTITY_CENTER`) and the pause switch and last reconcile run
   * (`pk=CONTROL`, `sk=PAUSE` / `LAST_RECONCILE`).
   */
  state: { ...TABLE_KEYS, globalIndexes: [] },
  /** Audit log: `pk=EVENT#<eventId>`, `sk=<at>#<unique>`, expiring. */
  audit: { ...TABLE_KEYS, globalIndexes: [], ttlAttribute: TTL_ATTRIBUTE },
  /** Idempotency markers: `pk=MARKER#<key>`, expiring. */
  idempotency: {
    partitionKey: TABLE_KEYS.partitionKey,
    globalIndexes: [],
    ttlAttribute: TTL_ATTRIBUTE,
  },
  /**
   * Tag ledger: who last set or removed each tag of each account — `pk=ACCOUNT#<id>`,
   * `sk=TAG#<key>` with `value` (absent once removed), `setBy` (principal ARN) and `setAt`.
   */
  tagLedger: { ...TABLE_KEYS, globalIndexes: [] },
} as const satisfies Readonly<Record<string, TableDesign>>;

/** One of the product's tables. */
export type GovernanceTableName = keyof typeof TABLE_DESIGNS;
