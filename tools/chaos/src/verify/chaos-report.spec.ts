import { numberProblems, summaryLine } from './chaos-report';

describe('the summary line', () => {
  describe.each([
    {
      numbers: {
        events: 40,
        expected: 61,
        applied: 61,
        lost: 0,
        duplicated: 0,
        drift: 0,
        unmanagedTouched: 0,
      },
      line: 'chaos: 40 events, 61 operations expected, 61 applied, 0 lost, 0 duplicated, drift 0, unmanaged touched 0',
      problems: [],
    },
    {
      numbers: {
        events: 5,
        expected: 10,
        applied: 8,
        lost: 2,
        duplicated: 1,
        drift: 3,
        unmanagedTouched: 4,
      },
      line: 'chaos: 5 events, 10 operations expected, 8 applied, 2 lost, 1 duplicated, drift 3, unmanaged touched 4',
      problems: [
        '2 of 10 expected operations not applied',
        '2 lost',
        '1 duplicated',
        'drift 3 after the scheduled reconcile',
        '4 unmanaged items touched',
      ],
    },
  ])('$line', ({ numbers, line, problems }) => {
    it('prints the line and its problems', () => {
      expect({ line: summaryLine(numbers), problems: numberProblems(numbers) }).toStrictEqual({
        line,
        problems,
      });
    });
  });
});
