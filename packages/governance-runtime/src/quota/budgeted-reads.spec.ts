import type { AssignmentKey } from '../ports/identity-center-port';
import { withBudgetedReads } from './budgeted-reads';

/** A port double whose methods use `this`, as an adapter's do. */
class Port {
  readonly calls: string[] = [];

  async listAssignments(accountId: string, arns?: readonly string[]): Promise<AssignmentKey[]> {
    this.calls.push(`list ${accountId} ${arns?.join(',') ?? '*'}`);
    return [];
  }

  async createAssignment(): Promise<string> {
    this.calls.push('create');
    return 'created';
  }
}

describe('withBudgetedReads', () => {
  it('takes one token per permission set before listing, and leaves other calls alone', async () => {
    const port = new Port();
    const tokens: string[] = [];
    const budgeted = withBudgetedReads(port, {
      beforeRequest: async () => void tokens.push(`token ${port.calls.length}`),
    });
    await budgeted.listAssignments('222222222222', ['ps-1', 'ps-2']);
    await budgeted.listAssignments('333333333333');
    const created = await budgeted.createAssignment();
    expect({ tokens, calls: port.calls, created }).toStrictEqual({
      tokens: ['token 0', 'token 0', 'token 1'],
      calls: ['list 222222222222 ps-1,ps-2', 'list 333333333333 *', 'create'],
      created: 'created',
    });
  });
});
