import * as fc from 'fast-check';
import {
  CHANGE_EVENT_TYPES,
  DOMAIN_EVENT_TYPES,
  describeOutcome,
  EventError,
  IGNORE_REASONS,
  parseGovernanceEvent,
  type GovernanceParseOutcome,
} from '../../src';
import { WORKER_ROLE } from '../helpers/actors';
import { fixture, ORGANIZATIONS_V2_SAMPLES } from '../helpers/fixtures';

/** The samples of the v2 rows (and the samples their variants start from). */
const V2_SAMPLES = [
  'accept-handshake',
  ...ORGANIZATIONS_V2_SAMPLES,
  'update-managed-account-succeeded',
  'detach-policy-by-person',
  'detach-policy-by-product',
  'attach-policy-ou',
  'create-account-assignment',
  'delete-account-assignment',
  'create-group',
  'create-user',
  'create-permission-set',
].map((name) => ({ name, raw: fixture(name) }));

type Json = unknown;
type Path = readonly (string | number)[];

/** Every path to a value in `value` (objects and arrays walked). */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

/** A copy of `root` with `path` set to `next(old)` (or deleted when `next` returns undefined). */
function change(root: Json, path: Path, next: (old: Json) => Json): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return next(copy);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  const value = next(node[last]);
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** What a mutation does to the value it picks. */
const edits: fc.Arbitrary<(old: Json) => Json> = fc.oneof(
  fc.constant(() => undefined),
  fc.constant(() => null),
  fc.constant((old: Json) => (typeof old === 'string' ? old.toLowerCase() : old)),
  fc.constant((old: Json) => (typeof old === 'string' ? '****' : old)),
  fc.constant(() => 'HIDDEN_DUE_TO_SECURITY_REASONS'),
  fc.constant(() => '\u001b[2J\u202e'),
  fc.constant(() => 42),
  fc.constant(() => ({ nested: [] })),
  fc.constant(() => 'ou-ab12-11111111'),
  fc.constant(() => '555566667777'),
);

/** A v2 sample with one to three mutations at random paths. */
const mutated = fc
  .record({
    sample: fc.constantFrom(...V2_SAMPLES),
    steps: fc.array(fc.tuple(fc.nat(), edits), { minLength: 1, maxLength: 3 }),
  })
  .map(({ sample, steps }) =>
    steps.reduce<Json>((raw, [pick, edit]) => {
      const paths = pathsOf(raw);
      return change(raw, paths[pick % paths.length] ?? [], edit);
    }, sample.raw),
  );

/** Throws unless `outcome` is one of the documented kinds, well formed, shown on one line. */
function checkOutcome(outcome: GovernanceParseOutcome): void {
  const shown = describeOutcome(outcome);
  const raw = [...shown].find((c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 || (code >= 0x202a && code <= 0x202e);
  });
  if (raw !== undefined) throw new Error(`raw control in ${shown}`);
  switch (outcome.kind) {
    case 'event':
      if (!DOMAIN_EVENT_TYPES.includes(outcome.event.type)) throw new Error(outcome.event.type);
      return;
    case 'change':
      if (!CHANGE_EVENT_TYPES.includes(outcome.event.type)) throw new Error(outcome.event.type);
      return;
    case 'ignored':
      if (!IGNORE_REASONS.includes(outcome.reason)) throw new Error(outcome.reason);
      return;
    case 'error':
      if (!(outcome.error instanceof EventError) || outcome.error.issues.length === 0) {
        throw new Error('an error outcome without issues');
      }
      if (!outcome.error.issues.every((i) => i.path.startsWith('$'))) throw new Error('bad path');
  }
}

describe('parseGovernanceEvent on mutated v2 samples', () => {
  it('never throws and always returns a well-formed outcome', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(mutated, (raw) => {
        const outcome = parseGovernanceEvent(raw, { productRoleArns: [WORKER_ROLE] });
        checkOutcome(outcome);
        kinds.add(outcome.kind);
      }),
      { numRuns: 1500, seed: 20261102 },
    );
    expect([...kinds].sort()).toStrictEqual(['change', 'error', 'event', 'ignored']);
  });

  it('gives the same outcome whatever the case of the enum values', () => {
    const enumPaths: ReadonlyArray<[string, Path]> = [
      ['accept-handshake', ['detail', 'responseElements', 'handshake', 'action']],
      ['accept-handshake', ['detail', 'responseElements', 'handshake', 'state']],
      ['account-joined-organization', ['detail', 'serviceEventDetails', 'joinedMethod']],
      ['account-departed-organization', ['detail', 'serviceEventDetails', 'departureMethod']],
      [
        'close-account-result-failed',
        ['detail', 'serviceEventDetails', 'closeAccountStatus', 'state'],
      ],
      [
        'update-managed-account-succeeded',
        ['detail', 'serviceEventDetails', 'updateManagedAccountStatus', 'state'],
      ],
      ['delete-account-assignment', ['detail', 'requestParameters', 'principalType']],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...enumPaths),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        ([name, path], upper) => {
          const raw = fixture(name);
          const recased = change(raw, path, (old) =>
            [...String(old)]
              .map((c, i) => (upper[i % 16] ? c.toUpperCase() : c.toLowerCase()))
              .join(''),
          );
          expect(parseGovernanceEvent(recased)).toStrictEqual(parseGovernanceEvent(raw));
        },
      ),
      { numRuns: 300, seed: 20261103 },
    );
  });
});
