/**
 * Key designs of the five tables: the contract's `TABLE_DESIGNS` (`@org/contracts`), which the
 * construct builds its tables from too, under the names the adapters' importers know.
 */
import { TABLE_DESIGNS } from '@org/contracts';

export { createTableInput, type IndexDesign, type TableDesign } from '@org/contracts';

/**
 * Rules: `pk=CONFIG/sk=CURRENT` pointer + `pk=GEN#<generation>` rule items + one
 * `pk=GEN#<generation>#META` item per generation (what it was saved as); GSI by scope.
 */
export const RULES_TABLE = TABLE_DESIGNS.rules;

/** Provisioned state: `pk=ACCOUNT#<id>`, `sk=ITEM#…` items and `sk=TAG#<key>#ITEM#…` copies. */
export const PROVISIONED_STATE_TABLE = TABLE_DESIGNS.state;

/** Audit log: `pk=EVENT#<eventId>`, `sk=<at>#<unique>`, TTL on `expiresAt`. */
export const AUDIT_LOG_TABLE = TABLE_DESIGNS.audit;

/** Idempotency markers: `pk=MARKER#<key>`, TTL on `expiresAt`. */
export const IDEMPOTENCY_TABLE = TABLE_DESIGNS.idempotency;

/** Tag ledger: `pk=ACCOUNT#<id>`, `sk=TAG#<key>` — who last set or removed each account tag. */
export const TAG_LEDGER_TABLE = TABLE_DESIGNS.tagLedger;
