import { SeededRandom } from '../random/seeded-random';
import { type EventKind, scheduleRounds } from './event-script';

const kindsOf = (rounds: ReturnType<typeof scheduleRounds>): EventKind[] =>
  rounds.flatMap((r) => (r.kind === 'ruleChange' ? ['ruleChange' as const] : r.events));

describe('scheduleRounds', () => {
  describe.each([12, 40, 500])('%i events', (count) => {
    const rounds = scheduleRounds(count, new SeededRandom(`schedule-${count}`));
    it('schedules exactly that many, rule changes alone, 3 to 14 events per round', () => {
      expect({
        events: kindsOf(rounds).length,
        sizes: rounds.every(
          (r) => r.kind === 'ruleChange' || (r.events.length >= 1 && r.events.length <= 14),
        ),
      }).toStrictEqual({ events: count, sizes: true });
    });
    it('contains every guaranteed kind', () => {
      const kinds = new Set(kindsOf(rounds));
      expect(
        [
          'create',
          'invite',
          'vend',
          'move',
          'tagApi',
          'tagChange',
          'untagApi',
          'ruleChange',
        ].filter((kind) => !kinds.has(kind as EventKind)),
      ).toStrictEqual([]);
    });
  });

  it('is the same for the same seed', () => {
    expect(scheduleRounds(100, new SeededRandom('7'))).toStrictEqual(
      scheduleRounds(100, new SeededRandom('7')),
    );
  });
});
