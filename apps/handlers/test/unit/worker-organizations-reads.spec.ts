/**
 * The worker's Organizations adapter reads an account's OU path as `WORKER_OU_READS` says: one
 * `ListParents` per OU (no `DescribeOrganizationalUnit`), cached per container (an hour: the
 * adapter spec pins the TTL), while the account itself (state, parent, tags) is read every time.
 */
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { OrganizationsAdapter } from '@org/aws-adapters/organizations';
import { createWorkerDependencies } from '../../src/operations-worker/worker-dependencies';
import { answeringClients, type InPlaceAnswers } from '../support/answering-clients';
import { COMPLETE_ENVIRONMENT } from '../support/fixtures';

const ACCOUNT = '222222222222';
/** Child → parent: the account in Prod, Prod in Workloads, Workloads under the root. */
const PARENTS: Readonly<Record<string, string>> = {
  [ACCOUNT]: 'ou-ab12-22222222',
  'ou-ab12-22222222': 'ou-ab12-11111111',
  'ou-ab12-11111111': 'r-ab12',
};

/** The answer of the simulated Organizations to one command. */
function answer(command: string, input: { readonly ChildId?: string }): object {
  switch (command) {
    case 'DescribeAccountCommand':
      return { Account: { Id: ACCOUNT, Name: 'app', State: 'ACTIVE' } };
    case 'ListParentsCommand': {
      const id = PARENTS[input.ChildId ?? ''] ?? '';
      return { Parents: [{ Id: id, Type: id.startsWith('r-') ? 'ROOT' : 'ORGANIZATIONAL_UNIT' }] };
    }
    case 'ListRootsCommand':
      return { Roots: [{ Id: 'r-ab12', PolicyTypes: [] }] };
    case 'DescribeOrganizationCommand':
      return { Organization: { MasterAccountId: '111111111111' } };
    default:
      return {};
  }
}

/** Every Organizations request answered in place by {@link answer}. */
const ORGANIZATIONS_IN_PLACE: InPlaceAnswers = {
  name: 'answerOrganizationsInPlace',
  answers: (client) => client instanceof OrganizationsClient,
  output: (command, input) => answer(command, input as { readonly ChildId?: string }),
};

describe("the worker's Organizations reads", () => {
  it('read the OU path once, one ListParents per OU, and the account every time', async () => {
    const { clock, sent, wiring } = answeringClients(ORGANIZATIONS_IN_PLACE);
    const deps = createWorkerDependencies(
      { ...COMPLETE_ENVIRONMENT, STATUS_WAIT_SECONDS: '20', OPERATIONS_MAX_RECEIVE_COUNT: '5' },
      wiring('worker'),
    );
    const organizations = deps.execute.organizations as OrganizationsAdapter;
    const batches: { ous: string[]; sent: string[] }[] = [];
    for (let batch = 0; batch < 2; batch += 1) {
      await clock.run(async () => {
        const structure = await organizations.readAccountStructure(ACCOUNT, []);
        batches.push({
          ous: (structure?.organizationalUnits ?? []).map((ou) => `${ou.id} ${ou.name}`),
          sent: sent
            .splice(0)
            .map(({ command }) => command.replace(/Command$/, ''))
            .sort(),
        });
      });
    }
    const account = ['DescribeAccount', 'ListParents', 'ListTagsForResource'];
    const ous = ['ou-ab12-22222222 ou-ab12-22222222', 'ou-ab12-11111111 ou-ab12-11111111'];
    expect(batches).toStrictEqual([
      // A cold container: the account, its two OUs' parents, the root and the organization.
      {
        ous,
        sent: [
          ...account,
          'DescribeOrganization',
          'ListParents',
          'ListParents',
          'ListRoots',
        ].sort(),
      },
      // The next batch: the account alone.
      { ous, sent: account },
    ]);
  });
});
