/**
 * The schedule of a chaos run, drawn from the seed before anything runs: how many events of which
 * kind, grouped into rounds. A round's changes are all made before its events are delivered
 * (duplicated and shuffled: out of order), and its operations are drained before the next round;
 * a rule change is a round of its own.
 */
import type { SeededRandom } from '../random/seeded-random';

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
  | 'ruleChange';

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
];

/** From this many events on, every guaranteed kind appears. */
export const EVERY_KIND_FROM = 12;

/** One round of the schedule. */
export type ScheduledRound =
  | { readonly kind: 'events'; readonly events: readonly EventKind[] }
  | { readonly kind: 'ruleChange' };

/**
 * Draws the kinds of `count` events and groups them into rounds of 3 to 14 events.
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
    for (const [index, kind] of GUARANTEED.entries()) {
      if (!kinds.includes(kind)) kinds[slots[index] as number] = kind;
    }
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
    if (kind === 'ruleChange') {
      flush();
      rounds.push({ kind: 'ruleChange' });
      continue;
    }
    current.push(kind);
    if (current.length >= size) flush();
  }
  flush();
  return rounds;
}
