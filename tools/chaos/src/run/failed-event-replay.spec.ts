import { ChaosClock } from '../clock/chaos-clock';
import { invokeAsync } from '../runtime/event-bus';
import type { GeneratedEvent } from '../world/chaos-world';
import { FAILED_EVENT_REPLAYS, replayFailedEvents, type InvokeTarget } from './failed-event-replay';

const event = (id: string): GeneratedEvent => ({
  id,
  label: `move chaos-${id} → Dev`,
  raw: { id, source: 'aws.organizations' },
});

/**
 * Asynchronous invocations (Lambda's two retries, on a fast clock) of a handler that fails its
 * first `failures[id]` calls for each event.
 */
function failingInvocations(failures: Record<string, number>) {
  const clock = new ChaosClock(1_000_000, 0);
  const calls: string[] = [];
  const invoke: InvokeTarget = (target, generated) =>
    invokeAsync(
      async () => {
        calls.push(`${target} ${generated.id}`);
        const left = failures[generated.id] ?? 0;
        failures[generated.id] = left - 1;
        if (left > 0) throw new Error(`ThrottlingException (${generated.id})`);
      },
      generated.raw,
      () => ({}) as never,
      clock,
    );
  return { invoke, calls };
}

describe('replayFailedEvents (the failed-events queue runbook)', () => {
  it('replays each failed event to its function until an invocation succeeds, in the order they failed', async () => {
    // e1 fails one more attempt (the replay's Lambda retry delivers it); e2 fails 3 more attempts
    // (the first replay's three attempts), so the second replay delivers it.
    const { invoke, calls } = failingInvocations({ e1: 1, e2: 3 });
    const outcome = await replayFailedEvents(
      [
        { event: event('e1'), target: 'processor', errors: [new Error('InternalFailure')] },
        { event: event('e2'), target: 'notifier', errors: [new Error('InternalFailure')] },
      ],
      invoke,
    );
    expect({ outcome, calls }).toStrictEqual({
      outcome: {
        replayed: 2,
        entries: [
          'e1 (move chaos-e1 → Dev, processor): InternalFailure — replayed',
          'e2 (move chaos-e2 → Dev, notifier): InternalFailure — replayed',
        ],
      },
      calls: [
        'processor e1',
        'processor e1',
        'notifier e2',
        'notifier e2',
        'notifier e2',
        'notifier e2',
      ],
    });
  });

  it(`gives up after ${FAILED_EVENT_REPLAYS} replays of an event that keeps failing and says so`, async () => {
    const { invoke, calls } = failingInvocations({ e3: 1000 });
    const outcome = await replayFailedEvents(
      [{ event: event('e3'), target: 'processor', errors: [new Error('AccessDenied')] }],
      invoke,
    );
    expect({ outcome, calls: calls.length }).toStrictEqual({
      outcome: {
        replayed: 0,
        entries: [
          `e3 (move chaos-e3 → Dev, processor): AccessDenied — still failing after ${FAILED_EVENT_REPLAYS} replays`,
        ],
      },
      // Every replay is an asynchronous invocation: three attempts each.
      calls: FAILED_EVENT_REPLAYS * 3,
    });
  });
});
