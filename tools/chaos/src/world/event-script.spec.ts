import { SeededRandom } from '../random/seeded-random';
import { EVENT_WEIGHTS, type EventKind, type ScheduledRound, scheduleRounds } from './event-script';

const KIND_OF_FLIP = { tag: 'tagFlip', move: 'moveFlip', rules: 'ruleFlip' } as const;

const kindsOfRound = (r: ScheduledRound): readonly EventKind[] => {
  switch (r.kind) {
    case 'events':
      return r.events;
    case 'flip':
      return [KIND_OF_FLIP[r.flip]];
    default:
      return [r.kind];
  }
};

const kindsOf = (rounds: ReturnType<typeof scheduleRounds>): EventKind[] =>
  rounds.flatMap(kindsOfRound);

/** Every kind but the rare ones (re-vending, failed creations, untag changes, new OUs, failed calls). */
const GUARANTEED_KINDS = (Object.keys(EVENT_WEIGHTS) as EventKind[]).filter(
  (kind) => !['revend', 'createFailed', 'untagChange', 'createOu', 'failedCall'].includes(kind),
);

describe('scheduleRounds', () => {
  describe.each([12, 40, 500])('%i events', (count) => {
    const rounds = scheduleRounds(count, new SeededRandom(`schedule-${count}`));
    it('schedules exactly that many, rule changes, flips and forgeries alone, 3 to 14 events per round', () => {
      expect({
        events: kindsOf(rounds).length,
        sizes: rounds.every(
          (r) => r.kind !== 'events' || (r.events.length >= 1 && r.events.length <= 14),
        ),
      }).toStrictEqual({ events: count, sizes: true });
    });
    it('contains every guaranteed kind', () => {
      const kinds = new Set(kindsOf(rounds));
      expect(GUARANTEED_KINDS.filter((kind) => !kinds.has(kind))).toStrictEqual([]);
    });
  });

  it('plays flips of tags, moves and rules and forged messages in a 500-event run, some flips back before the worker ran', () => {
    const rounds = scheduleRounds(500, new SeededRandom('schedule-500'));
    const count = (test: (r: ScheduledRound) => boolean) => rounds.filter(test).length;
    const flips = {
      tag: count((r) => r.kind === 'flip' && r.flip === 'tag'),
      move: count((r) => r.kind === 'flip' && r.flip === 'move'),
      rules: count((r) => r.kind === 'flip' && r.flip === 'rules'),
      interleaved: count((r) => r.kind === 'flip' && r.interleaved),
      forged: count((r) => r.kind === 'forged'),
    };
    expect({
      tag: flips.tag >= 8,
      move: flips.move >= 8,
      rules: flips.rules >= 2,
      interleaved: flips.interleaved >= 4 && flips.interleaved < flips.tag + flips.move,
      forged: flips.forged >= 5,
    }).toStrictEqual({ tag: true, move: true, rules: true, interleaved: true, forged: true });
  });

  it('is the same for the same seed', () => {
    expect(scheduleRounds(100, new SeededRandom('7'))).toStrictEqual(
      scheduleRounds(100, new SeededRandom('7')),
    );
  });
});
