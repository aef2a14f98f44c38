/**
 * The schedule of a chaos run, drawn from the seed before anything runs: how many events of which
 * kind, grouped into rounds. A round's changes are all made before its events are delivered
 * (duplicated and shuffled: out of order), and its operations are drained before the next round;
 * a rule change is a round of its own. A flip (tag A→B→A→B→A, move X→Y→X→Y→X, rule change and
 * revert, twice) is a sequence of rounds of its own, all within a few minutes; forged messages
 * sent straight to the operations queue are a round of their own too.
 */
import type { SeededRandom } from '../random/seeded-random';
import type { FlipKind } from './flips';

/** The kinds of generated events. */
export type EventKind =
  | 'create'
  | 'invite'
  | 'vend'
  | 'revend'
  | 'createFailed'
  | 'move'
  | 'tagApi'
  | 'tagChange'
  | 'untagApi'
  | 'untagChange'
  | 'createOu'
  | 'failedCall'
  | 'ruleChange'
  | 'tagFlip'
  | 'moveFlip'
  | 'ruleFlip'
  | 'forged';

/** Relative frequency of each kind. */
export const EVENT_WEIGHTS: Readonly<Record<EventKind, number>> = {
  create: 10,
  invite: 5,
  vend: 5,
  revend: 2,
  createFailed: 1,
  move: 24,
  tagApi: 14,
  tagChange: 8,
  untagApi: 7,
  untagChange: 4,
  createOu: 3,
  failedCall: 3,
  ruleChange: 3,
  tagFlip: 3,
  moveFlip: 3,
  ruleFlip: 1,
  forged: 2,
};

/** Kinds every run of at least {@link EVERY_KIND_FROM} events contains at least once. */
const GUARANTEED: readonly EventKind[] = [
  'create',
  'invite',
  'vend',
  'move',
  'tagApi',
  'tagChange',
  'untagApi',
  'ruleChange',
  'tagFlip',
  'moveFlip',
  'ruleFlip',
  'forged',
];

/** From this many events on, every guaranteed kind appears. */
export const EVERY_KIND_FROM = 12;

/** One round of the schedule. */
export type ScheduledRound =
  | { readonly kind: 'events'; readonly events: readonly EventKind[] }
  | { readonly kind: 'ruleChange' }
  /**
   * Legs there and back, twice, each a round; `interleaved`: the last two legs in one round, the
   * second made after the first's events were processed but before the worker ran.
   */
  | { readonly kind: 'flip'; readonly flip: FlipKind; readonly interleaved: boolean }
  | { readonly kind: 'forged' };

/** The kinds that make rounds of their own, and the round each makes. */
const OWN_ROUND: Partial<Record<EventKind, (random: SeededRandom) => ScheduledRound>> = {
  ruleChange: () => ({ kind: 'ruleChange' }),
  tagFlip: (random) => ({ kind: 'flip', flip: 'tag', interleaved: random.chance(0.5) }),
  moveFlip: (random) => ({ kind: 'flip', flip: 'move', interleaved: random.chance(0.5) }),
  ruleFlip: () => ({ kind: 'flip', flip: 'rules', interleaved: false }),
  forged: () => ({ kind: 'forged' }),
};

/** `true` for the kinds that make rounds of their own (rule changes, flips, forged messages). */
export function isOwnRound(kind: EventKind): boolean {
  return OWN_ROUND[kind] !== undefined;
}

/**
 * Draws the kinds of `count` events and groups them into rounds of 3 to 14 events (rule changes,
 * flips and forged messages alone).
 *
 * @example
 * ```ts
 * const rounds = scheduleRounds(500, random.fork('schedule'));
 * rounds.filter((r) => r.kind === 'ruleChange').length; // about 15
 * ```
 */
export function scheduleRounds(count: number, random: SeededRandom): ScheduledRound[] {
  const kinds: EventKind[] = Array.from({ length: count }, () => random.weighted(EVENT_WEIGHTS));
  if (count >= EVERY_KIND_FROM) {
    const slots = random.shuffle(Array.from({ length: count }, (_, i) => i));
    // One slot each, always: replacing only missing kinds could overwrite another's only one.
    for (const [index, kind] of GUARANTEED.entries()) kinds[slots[index] as number] = kind;
  }
  const rounds: ScheduledRound[] = [];
  let current: EventKind[] = [];
  let size = random.int(3, 14);
  const flush = () => {
    if (current.length > 0) rounds.push({ kind: 'events', events: current });
    current = [];
    size = random.int(3, 14);
  };
  for (const kind of kinds) {
    const own = OWN_ROUND[kind];
    if (own !== undefined) {
      flush();
      rounds.push(own(random));
      continue;
    }
    current.push(kind);
    if (current.length >= size) flush();
  }
  flush();
  return rounds;
}
