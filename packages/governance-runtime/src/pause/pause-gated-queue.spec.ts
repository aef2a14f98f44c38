import type { Operation } from '@org/scope-engine';
import { InMemoryAuditLog } from '../testing/in-memory-audit-log';
import { InMemoryOperationQueue } from '../testing/in-memory-operation-queue';
import { InMemoryPauseSwitch } from '../testing/in-memory-pause-switch';
import { VirtualClock } from '../testing/virtual-clock';
import { PAUSED_DETAIL, pauseGatedQueue } from './pause-gated-queue';
import { NOT_PAUSED } from './pause-switch';

const OPERATION: Operation = {
  type: 'deleteAssignment',
  accountId: '222222222222',
  permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1/ps-ro',
  principalType: 'GROUP',
  principalId: 'g-1',
  ruleIds: [],
};

describe('pauseGatedQueue', () => {
  it.each([
    { paused: false, sent: 1, audited: [] },
    {
      paused: true,
      sent: 0,
      audited: [
        {
          eventId: 'event-1',
          type: 'operation',
          at: '1970-01-01T00:00:01.000Z',
          accountId: '222222222222',
          outcome: 'paused',
          ruleIds: [],
          operation: OPERATION,
          detail: PAUSED_DETAIL,
          expiresAt: 0,
        },
      ],
    },
  ])('paused=$paused: sends $sent, audits the rest', async ({ paused, sent, audited }) => {
    const queue = new InMemoryOperationQueue();
    const audit = new InMemoryAuditLog();
    const pauseSwitch = new InMemoryPauseSwitch();
    await pauseSwitch.set({ ...NOT_PAUSED, paused });
    const held: number[] = [];
    const gated = pauseGatedQueue(queue, {
      pauseSwitch,
      audit,
      clock: new VirtualClock(1000),
      onHeld: (messages) => held.push(messages.length),
    });
    await gated.send([{ eventId: 'event-1', operation: OPERATION }]);
    await gated.send([]);
    expect({
      sent: queue.peek().length,
      audited: audit.entries(),
      held,
    }).toStrictEqual({ sent, audited, held: paused ? [1] : [] });
  });
});
