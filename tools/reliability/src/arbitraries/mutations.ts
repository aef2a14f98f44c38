import * as fc from 'fast-check';
import { cloneJson, deleteAt, getAt, pathsOf, setAt, type Step } from '../support/json-tree';
import { hostileString, longString } from './hostile-strings';
import { hostileJson, otherTypeValues, type Json } from './json-values';

/**
 * One edit of a JSON document. `pick` chooses the path among the document's current paths
 * (modulo their count), so a mutation applies to any document and shrinks well.
 */
export type Mutation =
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'replace'; readonly pick: number; readonly value: Json }
  | { readonly kind: 'wrongType'; readonly pick: number; readonly choice: number }
  | { readonly kind: 'hostileString'; readonly pick: number; readonly value: string }
  | { readonly kind: 'hugeString'; readonly pick: number; readonly value: string }
  | { readonly kind: 'duplicateArray'; readonly pick: number }
  | { readonly kind: 'swap'; readonly pick: number; readonly other: number }
  | { readonly kind: 'addKey'; readonly pick: number; readonly key: string; readonly value: Json }
  | { readonly kind: 'set'; readonly path: readonly Step[]; readonly value: Json };

/** Options of {@link mutationArb}. */
export interface MutationOptions {
  /** Length range of `hugeString` values. @default 10_000 … 100_000 */
  readonly hugeLength?: readonly [number, number];
  /** Targeted edits (e.g. change `source`) mixed with the generic ones. @default none */
  readonly targeted?: fc.Arbitrary<Mutation>;
}

/**
 * One random {@link Mutation}: delete a key, replace a value with random JSON, with a value of
 * another type, with a hostile or huge string, duplicate an array, swap two values, add a key.
 *
 * @example
 * ```ts
 * fc.property(fc.array(mutationArb()), (ms) => parseOrgEvent(applyMutations(sample, ms)));
 * ```
 */
export function mutationArb(options: MutationOptions = {}): fc.Arbitrary<Mutation> {
  const [minHuge, maxHuge] = options.hugeLength ?? [10_000, 100_000];
  const pick = fc.nat();
  const generic: fc.WeightedArbitrary<Mutation>[] = [
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete'), pick }) },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('replace'), pick, value: hostileJson(2) }),
    },
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('wrongType'), pick, choice: fc.nat() }),
    },
    {
      weight: 4,
      arbitrary: fc.record({ kind: fc.constant('hostileString'), pick, value: hostileString }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('hugeString'),
        pick,
        value: longString(minHuge, maxHuge),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicateArray'), pick }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap'), pick, other: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('addKey'),
        pick,
        key: fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'errorCode')),
        value: hostileJson(1),
      }),
    },
  ];
  if (options.targeted) generic.push({ weight: 4, arbitrary: options.targeted });
  return fc.oneof(...generic);
}

/** The `choice`-th value of another JSON type than `current`. */
function wrongTypeValue(current: unknown, choice: number): Json {
  const candidates = otherTypeValues(current);
  return candidates[choice % candidates.length] ?? null;
}

/** Applies one mutation to `doc` in place; paths are chosen among the current ones. */
export function applyMutation(doc: unknown, mutation: Mutation): void {
  if (mutation.kind === 'set') return setAt(doc, mutation.path, mutation.value);
  const paths = pathsOf(doc);
  if (paths.length === 0) return;
  const path = paths[mutation.pick % paths.length] ?? [];
  switch (mutation.kind) {
    case 'delete':
      return deleteAt(doc, path);
    case 'replace':
    case 'hostileString':
    case 'hugeString':
      return setAt(doc, path, mutation.value);
    case 'wrongType':
      return setAt(doc, path, wrongTypeValue(getAt(doc, path), mutation.choice));
    case 'duplicateArray': {
      const arrays = paths.filter((p) => Array.isArray(getAt(doc, p)));
      const target = arrays[mutation.pick % Math.max(arrays.length, 1)];
      if (target === undefined) return;
      const array = getAt(doc, target) as unknown[];
      return setAt(doc, target, [...array, ...cloneJson(array)]);
    }
    case 'swap': {
      const other = paths[mutation.other % paths.length] ?? [];
      const a = cloneJson(getAt(doc, path));
      const b = cloneJson(getAt(doc, other));
      setAt(doc, path, b);
      return setAt(doc, other, a);
    }
    case 'addKey': {
      const parent = getAt(doc, path);
      const target =
        typeof parent === 'object' && parent !== null && !Array.isArray(parent) ? path : [];
      return setAt(doc, [...target, mutation.key], mutation.value);
    }
  }
}

/**
 * A mutated deep copy of `doc` (the original is untouched).
 *
 * @example
 * ```ts
 * applyMutations(sample.raw, [{ kind: 'delete', pick: 3 }]);
 * ```
 */
export function applyMutations<T>(doc: T, mutations: readonly Mutation[]): T {
  const copy = cloneJson(doc);
  for (const mutation of mutations) applyMutation(copy, mutation);
  return copy;
}
