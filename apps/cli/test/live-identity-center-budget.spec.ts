/**
 * A live run's Identity Center requests (SSO Admin and Identity Store) take tokens of the run's own
 * Identity Center budget at the published 20 requests/s, like its Organizations requests.
 */
import { DirectoryAdapter } from '@org/aws-adapters/identitystore';
import { PUBLISHED_SERVICE_RATES } from '@org/governance-runtime';
import { createLivePorts } from '../src/live/live-ports';
import { answeringClients, budgetMiddlewares } from './helpers/answering-clients';

describe('a live run’s Identity Center budget', () => {
  it('holds its Identity Store and SSO Admin requests to the published 20/s, budgeting each client once', async () => {
    const sent: number[] = [];
    const clients = answeringClients(sent, 'identityStore', 'ResourceNotFoundException');
    const settings = { connection: { region: 'us-east-1' }, stateTable: 'state' };
    const ports = createLivePorts(clients, settings);
    createLivePorts(clients, settings);
    // A known store id over the run's client: only Identity Store requests (DescribeGroup).
    const directory = new DirectoryAdapter(clients.identityStore, 'd-1234567890');
    const groups = Array.from({ length: 21 }, (_, i) => `g-${i}`);
    await Promise.all(groups.map((id) => directory.getPrincipal('GROUP', id).catch(() => null)));
    const spanMs = Math.max(...sent) - Math.min(...sent);
    expect({
      requests: sent.length,
      rate: ports.budgets.rates.identityCenterRequestsPerSecond,
      budgeted: [clients.ssoAdmin, clients.identityStore, clients.organizations].map(
        budgetMiddlewares,
      ),
      // 21 requests at 20/s: 5 tokens per 250 ms window, 5 windows. The first may be taken at
      // the end of its window and the last at the start of its own, so they are more than 3
      // windows apart (an unpaced run sends all 21 within a few milliseconds).
      paced: spanMs >= 3 * 250 - 50,
    }).toStrictEqual({
      requests: 21,
      rate: PUBLISHED_SERVICE_RATES.identityCenterRequestsPerSecond,
      budgeted: [1, 1, 1],
      paced: true,
    });
  });
});
