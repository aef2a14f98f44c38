import { DeliveryInProgressError } from '../errors';
import { InMemoryIdempotencyStore } from '../testing/in-memory-idempotency-store';
import { deliverOnce } from './deliver-once';

const KEY = 'notify#cmdb#evt-1#888899990000';
const LEASE = 60_000;

interface Case {
  readonly name: string;
  /** What earlier attempts left in the store (at time 0). */
  readonly before: (markers: InMemoryIdempotencyStore) => Promise<unknown>;
  /** When this attempt runs. */
  readonly at: number;
  readonly sendFails: boolean;
  readonly expected: { outcome: unknown; sends: number; next: unknown };
}

/** This attempt sends once and records its reference. */
const SENT_AND_RECORDED: Case['expected'] = {
  outcome: { status: 'sent', reference: 'ref-1' },
  sends: 1,
  next: { status: 'completed', result: 'ref-1' },
};

const cases: Case[] = [
  {
    name: 'a first delivery sends and records its reference',
    before: async () => undefined,
    at: 0,
    sendFails: false,
    expected: SENT_AND_RECORDED,
  },
  {
    name: 'a delivery already done is a duplicate with the first reference',
    before: async (m) => {
      const claim = await m.begin(KEY, LEASE);
      if (claim.status === 'claimed') await m.complete(KEY, claim.token, 'ref-0');
    },
    at: 1,
    sendFails: false,
    expected: {
      outcome: { status: 'duplicate', reference: 'ref-0' },
      sends: 0,
      next: { status: 'completed', result: 'ref-0' },
    },
  },
  {
    name: 'a one-phase marker (claimed before two-phase markers) is a duplicate without reference',
    before: (m) => m.claim(KEY),
    at: 1,
    sendFails: false,
    expected: { outcome: { status: 'duplicate' }, sends: 0, next: { status: 'completed' } },
  },
  {
    name: 'a claim whose lease runs is left alone: retried later',
    before: (m) => m.begin(KEY, LEASE),
    at: LEASE - 1,
    sendFails: false,
    expected: {
      outcome: new DeliveryInProgressError(KEY, LEASE),
      sends: 0,
      next: { status: 'inProgress', leaseExpiresAt: LEASE },
    },
  },
  {
    name: 'a claim whose lease ran out (its attempt crashed) is taken over',
    before: (m) => m.begin(KEY, LEASE),
    at: LEASE,
    sendFails: false,
    expected: SENT_AND_RECORDED,
  },
  {
    name: 'a failed send abandons the claim, so a retry sends at once',
    before: async () => undefined,
    at: 0,
    sendFails: true,
    expected: {
      outcome: new Error('HTTP 503'),
      sends: 1,
      next: { status: 'claimed', token: 'token-2', leaseExpiresAt: LEASE },
    },
  },
];

describe('deliverOnce', () => {
  it.each(cases)('$name', async ({ before, at, sendFails, expected }) => {
    const time = { now: 0 };
    const markers = new InMemoryIdempotencyStore({ now: () => time.now });
    await before(markers);
    time.now = at;
    let sends = 0;
    const outcome = await deliverOnce(markers, KEY, LEASE, async () => {
      sends += 1;
      if (sendFails) throw new Error('HTTP 503');
      return `ref-${sends}`;
    }).catch((error: unknown) => error);
    time.now = 0;
    expect({ outcome, sends, next: await markers.begin(KEY, LEASE) }).toStrictEqual(expected);
  });

  it('a late attempt whose claim was taken over cannot overwrite its successor', async () => {
    const time = { now: 0 };
    const markers = new InMemoryIdempotencyStore({ now: () => time.now });
    const late = await markers.begin(KEY, LEASE);
    time.now = LEASE;
    const successor = await markers.begin(KEY, LEASE);
    const lateToken = late.status === 'claimed' ? late.token : '';
    const successorToken = successor.status === 'claimed' ? successor.token : '';
    const lateComplete = await markers.complete(KEY, lateToken, 'late');
    await markers.abandon(KEY, lateToken);
    const successorComplete = await markers.complete(KEY, successorToken, 'successor');
    expect({ lateComplete, successorComplete, now: await markers.begin(KEY, LEASE) }).toStrictEqual(
      {
        lateComplete: false,
        successorComplete: true,
        now: { status: 'completed', result: 'successor' },
      },
    );
  });
});
