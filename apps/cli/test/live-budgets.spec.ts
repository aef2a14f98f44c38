/**
 * orgctl has no quota table option, so a live command keeps its own rate budget at the published
 * rates: every Organizations request of the run waits for a token (5 reads/s, 2 writes/s).
 */
import { PUBLISHED_SERVICE_RATES } from '@org/governance-runtime';
import { createLivePorts } from '../src/live/live-ports';
import { answeringClients, budgetMiddlewares } from './helpers/answering-clients';

describe('a live run’s Organizations budget', () => {
  it('holds the run to the published 5 reads/s, and wiring the same clients again budgets them once', async () => {
    const sent: number[] = [];
    const clients = answeringClients(sent, 'organizations', 'AccountNotFoundException');
    const settings = { connection: { region: 'us-east-1' }, stateTable: 'state' };
    const ports = createLivePorts(clients, settings);
    createLivePorts(clients, settings);
    const accounts = ['222222222222', '333333333333', '444444444444', '555555555555'];
    const found = await Promise.all(
      [...accounts, ...accounts].map((id) => ports.organizations.readAccount(id)),
    );
    const spanMs = Math.max(...sent) - Math.min(...sent);
    expect({
      found: found.every((account) => account === null),
      requests: sent.length,
      rates: ports.budgets.rates,
      budgetMiddlewares: budgetMiddlewares(clients.organizations),
      // 8 reads at 5/s: one token per 200 ms window, 8 windows. The first may be taken at the end
      // of its window and the last at the start of its own, so they are more than 6 windows apart
      // (an unpaced run sends all 8 within a few milliseconds).
      paced: spanMs >= 6 * 200 - 50,
    }).toStrictEqual({
      found: true,
      requests: 8,
      rates: PUBLISHED_SERVICE_RATES,
      budgetMiddlewares: 1,
      paced: true,
    });
  });
});
