import type { Operation } from '@org/scope-engine';
import type { FailureReport } from '@org/governance-runtime';
import type { ModelRound } from '../model/model-round';
import { checkFailures } from './failure-check';

const create: Operation = {
  type: 'createAssignment',
  accountId: '222233334444',
  permissionSetArn: 'arn:ps',
  principalType: 'GROUP',
  principalId: 'g-1',
  ruleIds: ['auditors'],
};
const KEY = 'createAssignment#222233334444#arn:ps#GROUP#g-1';
const rounds: ModelRound[] = [
  { round: 4, changes: new Map(), failed: new Map([[KEY, create]]), notifications: [] },
];
const alert: FailureReport = {
  kind: 'OperationFailed',
  eventId: 'e-1',
  accountId: '222233334444',
  reason: 'createAssignment request r-1 FAILED: denied',
  operation: create,
};

describe('checkFailures', () => {
  describe.each([
    {
      name: 'audited, alerted, requested once per delivery',
      audit: ['failed'],
      reports: [alert],
      requests: 2,
      deliveries: 2,
      expected: { expected: 1, alerted: 1, retried: 0, problems: [], otherAlerts: [] },
    },
    {
      name: 'not alerted, and requested again without a redelivery',
      audit: ['failed'],
      reports: [],
      requests: 2,
      deliveries: 1,
      expected: {
        expected: 1,
        alerted: 0,
        retried: 1,
        problems: [
          `round 4: ${KEY} FAILED without an alert`,
          `round 4: ${KEY} requested 2× for 1 deliveries (a FAILED request was retried)`,
        ],
        otherAlerts: [],
      },
    },
  ])('$name', ({ audit, reports, requests, deliveries, expected }) => {
    it('judges', () => {
      const verdict = checkFailures(
        rounds,
        new Map([[4, new Map([[KEY, audit as 'failed'[]]])]]),
        reports,
        (round, key) => (round === 4 && key === KEY.slice(KEY.indexOf('#') + 1) ? requests : 0),
        new Map([[4, new Map([[KEY, deliveries]])]]),
      );
      expect(verdict).toStrictEqual(expected);
    });
  });

  it('lists alerts of operations that did not end FAILED', () => {
    const other: FailureReport = {
      ...alert,
      operation: { ...create, principalId: 'g-2' },
      reason: 'Throttled (receive 5)',
    };
    expect(checkFailures([], new Map(), [other], () => 0, new Map()).otherAlerts).toStrictEqual([
      'createAssignment 222233334444: Throttled (receive 5)',
    ]);
  });
});
