import type { CallData } from './call-data';
import { FIFO_DEDUPLICATION_WINDOW_MS, FifoDeduplication } from './fifo-deduplication';

const QUEUE = 'http://127.0.0.1:5000/111122223333/chaos-operations.fifo';
const MINUTE = 60_000;

/** A clock the test moves by hand, and a forward that records what reached "moto". */
function harness() {
  const clock = { ms: Date.parse('2026-11-01T00:00:00Z'), now: () => clock.ms };
  const reached: string[] = [];
  const forward = (input: CallData): Promise<CallData> => {
    const entries = (input['Entries'] ?? [input]) as CallData[];
    reached.push(...entries.map((e) => String(e['MessageDeduplicationId'] ?? e['MessageBody'])));
    return Promise.resolve({
      Successful: entries.map((e) => ({ Id: e['Id'], MessageId: 'm' })),
      Failed: [],
    });
  };
  return { clock, reached, forward, fifo: new FifoDeduplication(clock) };
}

const one = (id: string): CallData => ({
  QueueUrl: QUEUE,
  MessageBody: `body of ${id}`,
  MessageGroupId: 'g',
  MessageDeduplicationId: id,
});

describe('FifoDeduplication', () => {
  it('drops an id sent 4 minutes earlier although its first copy is long consumed, and delivers it again after 5 minutes', async () => {
    const { clock, reached, forward, fifo } = harness();
    await fifo.send('SendMessage', one('delete-admin'), forward);
    clock.ms += 4 * MINUTE; // the first copy was received and deleted meanwhile: moto would deliver
    const swallowed = await fifo.send('SendMessage', one('delete-admin'), forward);
    clock.ms += MINUTE + 1;
    await fifo.send('SendMessage', one('delete-admin'), forward);
    expect({
      reached,
      acceptedAnswer: typeof swallowed['MessageId'],
      dropped: fifo.dropped,
      delivered: fifo.delivered,
    }).toStrictEqual({
      reached: ['delete-admin', 'delete-admin'],
      acceptedAnswer: 'string',
      dropped: 1,
      delivered: 2,
    });
  });

  it('measures the window from the first send: a dropped duplicate does not extend it', async () => {
    const { clock, reached, forward, fifo } = harness();
    await fifo.send('SendMessage', one('x'), forward);
    clock.ms += 3 * MINUTE;
    await fifo.send('SendMessage', one('x'), forward);
    clock.ms += FIFO_DEDUPLICATION_WINDOW_MS - 3 * MINUTE;
    await fifo.send('SendMessage', one('x'), forward);
    expect(reached).toStrictEqual(['x', 'x']);
  });

  it('forwards only the fresh entries of a batch and answers every entry as successful', async () => {
    const { clock, reached, forward, fifo } = harness();
    await fifo.send('SendMessage', one('a'), forward);
    clock.ms += MINUTE;
    const output = await fifo.send(
      'SendMessageBatch',
      {
        QueueUrl: QUEUE,
        Entries: [
          { ...one('a'), Id: '0' },
          { ...one('b'), Id: '1' },
          { ...one('b'), Id: '2' },
        ],
      },
      forward,
    );
    const ids = ((output['Successful'] ?? []) as CallData[]).map((e) => e['Id']).sort();
    expect({ reached, ids, failed: output['Failed'] }).toStrictEqual({
      reached: ['a', 'b'],
      ids: ['0', '1', '2'],
      failed: [],
    });
  });

  it('does not record a send whose call failed, so the retry is delivered', async () => {
    const { reached, forward, fifo } = harness();
    await expect(
      fifo.send('SendMessage', one('r'), () => Promise.reject(new Error('ServiceUnavailable'))),
    ).rejects.toThrow('ServiceUnavailable');
    await fifo.send('SendMessage', one('r'), forward);
    expect({ reached, dropped: fifo.dropped }).toStrictEqual({ reached: ['r'], dropped: 0 });
  });

  it('deduplicates bodies without an explicit id by their content, and leaves standard queues alone', async () => {
    const { reached, forward, fifo } = harness();
    const body = { QueueUrl: QUEUE, MessageBody: 'same', MessageGroupId: 'g' };
    await fifo.send('SendMessage', body, forward);
    await fifo.send('SendMessage', body, forward);
    const standard = { QueueUrl: 'http://127.0.0.1:5000/111122223333/plain', MessageBody: 'same' };
    await fifo.send('SendMessage', standard, forward);
    await fifo.send('SendMessage', standard, forward);
    expect(reached).toStrictEqual(['same', 'same', 'same']);
  });
});
