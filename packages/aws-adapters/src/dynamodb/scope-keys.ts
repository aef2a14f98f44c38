/**
 * How rule scopes become index keys of the rules table (the seed's `scopeType` + `scopeValue`).
 */
import type { Scope } from '@org/scope-engine';
import type { ScopeLookup } from '@org/governance-runtime';

const enc = encodeURIComponent;

/** Index partition and sort-prefix of a rule's scope (without the generation prefix). */
export interface ScopeKey {
  /** `root` | `ou#<id>` | `account#<id>` | `tag#<key>` */
  readonly partition: string;
  /** `=<value>` for a tag rule with a value, `*` for any value / non-tag scopes. */
  readonly valuePrefix: string;
}

/**
 * The index keys of a stored rule's scope.
 *
 * @example
 * ```ts
 * scopeKeyOf({ type: 'accountTag', key: 'env', value: 'prod' }); // { partition: 'tag#env', valuePrefix: '=prod' }
 * ```
 */
export function scopeKeyOf(scope: Scope): ScopeKey {
  switch (scope.type) {
    case 'root':
      return { partition: 'root', valuePrefix: '*' };
    case 'ou':
      return { partition: `ou#${enc(scope.id)}`, valuePrefix: '*' };
    case 'account':
      return { partition: `account#${enc(scope.id)}`, valuePrefix: '*' };
    case 'accountTag':
      return {
        partition: `tag#${enc(scope.key)}`,
        valuePrefix: scope.value === undefined ? '*' : `=${enc(scope.value)}`,
      };
  }
}

/**
 * The index queries answering a look-up: one partition, and the sort-key prefixes to read
 * (none = the whole partition). A tag look-up with a value reads the rules on that value and
 * the rules on any value of the key.
 *
 * @example
 * ```ts
 * scopeQueriesOf({ type: 'accountTag', key: 'env', value: 'prod' });
 * // { partition: 'tag#env', sortPrefixes: ['=prod#', '*#'] }
 * ```
 */
export function scopeQueriesOf(lookup: ScopeLookup): {
  readonly partition: string;
  readonly sortPrefixes: readonly string[];
} {
  switch (lookup.type) {
    case 'root':
      return { partition: 'root', sortPrefixes: [] };
    case 'ou':
      return { partition: `ou#${enc(lookup.id)}`, sortPrefixes: [] };
    case 'account':
      return { partition: `account#${enc(lookup.id)}`, sortPrefixes: [] };
    case 'accountTag':
      return {
        partition: `tag#${enc(lookup.key)}`,
        sortPrefixes: lookup.value === undefined ? [] : [`=${enc(lookup.value)}#`, '*#'],
      };
  }
}
