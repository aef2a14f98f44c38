import * as fc from 'fast-check';
import { hostileString } from './hostile-strings';

/** A JSON value as `JSON.parse` returns it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys of EventBridge events, CloudTrail records and the product's documents, to hit real paths. */
export const KNOWN_KEYS: readonly string[] = [
  'version',
  'id',
  'detail-type',
  'source',
  'account',
  'time',
  'region',
  'resources',
  'detail',
  'eventName',
  'eventSource',
  'errorCode',
  'errorMessage',
  'requestParameters',
  'responseElements',
  'serviceEventDetails',
  'userIdentity',
  'accountId',
  'tags',
  'changed-tag-keys',
  'service',
  'resource-type',
  'scope',
  'type',
  'name',
  'policies',
  'managedBy',
  '__proto__',
  'constructor',
];

/** A JSON leaf: null, booleans, edge-case numbers and hostile strings. */
export const jsonLeaf: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(0, -1, 1e21, 2 ** 53 + 1, -Number.MAX_VALUE, Number.MIN_VALUE, 0.1),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 12 }),
  hostileString,
);

/** An object key: mostly known keys (so generated values reach deep code), else hostile. */
export const jsonKey: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...KNOWN_KEYS), weight: 3 },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
  { arbitrary: hostileString, weight: 1 },
);

/**
 * Any JSON value, nested up to `maxDepth`, with hostile leaves and keys.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(hostileJson(), (raw) => parseOrgEvent(raw).kind !== undefined));
 * ```
 */
export function hostileJson(maxDepth = 4): fc.Arbitrary<Json> {
  const { value } = fc.letrec<{ value: Json }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', maxDepth },
      jsonLeaf,
      fc.array(tie('value'), { maxLength: 5 }),
      fc.dictionary(jsonKey, tie('value'), { maxKeys: 6, noNullPrototype: true }),
    ),
  }));
  return value;
}

/** Values of every JSON type, for "wrong type" mutations. */
const TYPE_SAMPLES: readonly Json[] = [
  null,
  true,
  false,
  0,
  222222222222,
  -1,
  '',
  'x',
  [],
  [null],
  {},
  { '': null },
];

/** The JSON type of a value (`array` and `null` apart from `object`). */
const jsonType = (v: unknown): string =>
  Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;

/**
 * Values whose JSON type differs from `value`'s, for "wrong type" mutations.
 *
 * @example
 * ```ts
 * otherTypeValues('222222222222'); // [null, true, false, 0, 222222222222, -1, [], [null], {}, { '': null }]
 * ```
 */
export function otherTypeValues(value: unknown): Json[] {
  return TYPE_SAMPLES.filter((c) => jsonType(c) !== jsonType(value));
}
