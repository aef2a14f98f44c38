import type { Operation } from '@org/scope-engine';
import { splitNotJustified } from './not-justified-split';

const detach: Operation = {
  type: 'detachPolicy',
  policyType: 'SERVICE_CONTROL_POLICY',
  accountId: '222222222222',
  policyId: 'p-aaaa1111',
  ruleIds: [],
};

const entry = (eventId: string, outcome: string, detail?: string) => ({
  type: 'operation' as const,
  eventId,
  accountId: '222222222222',
  outcome: outcome as 'applied',
  operation: detach,
  ...(detail === undefined ? {} : { detail }),
});

describe('splitNotJustified', () => {
  it('counts refusals of forged messages (and their repeats) apart from refusals of product messages', () => {
    const split = splitNotJustified(
      [
        entry('forged-1', 'notJustified', 'no rule attaches p-aaaa1111'),
        entry('forged-1', 'notJustified', 'no rule attaches p-aaaa1111'), // a crash redelivered it
        entry('forged-2', 'skipped', 'NotJustified: the item is not managed'),
        entry('event-7', 'notJustified', 'the item is not managed by the product'),
        entry('event-8', 'stale', 'the item is already gone'),
        entry('forged-3', 'applied'),
      ],
      new Set(['forged-1', 'forged-2', 'forged-3']),
    );
    expect(split).toStrictEqual({
      forged: 3,
      forgedRepeated: 1,
      product: ['event-7: detachPolicy 222222222222: the item is not managed by the product'],
    });
  });
});
