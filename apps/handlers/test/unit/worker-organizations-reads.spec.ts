/**
 * The worker's Organizations adapter reads an account's OU path as `WORKER_OU_READS` says: one
 * `ListParents` per OU (no `DescribeOrganizationalUnit`), cached per container (an hour: the
 * adapter spec pins the TTL), while the account itself (state, parent, tags) is read every time.
 */
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import type { OrganizationsAdapter } from '@org/aws-adapters/organizations';
import type { Client, MetadataBearer } from '@smithy/types';
import { InMemoryQuotaStore, VirtualClock } from '@org/governance-runtime/testing';
import { createWorkerDependencies } from '../../src/operations-worker/worker-dependencies';
import type { WiringOptions } from '../../src/shared/wiring-options';
import { COMPLETE_ENVIRONMENT, testObservability } from '../support/fixtures';

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

/** Wiring options whose Organizations client answers in place and records each command. */
function answeringOrganizations(clock: VirtualClock, sent: string[]): WiringOptions {
  return {
    observability: testObservability(),
    clock,
    quotaStore: new InMemoryQuotaStore(),
    customizeClient: <Input extends object, Output extends MetadataBearer>(
      client: Client<Input, Output, unknown>,
    ) => {
      if (!(client instanceof OrganizationsClient)) return;
      client.middlewareStack.add(
        (_next, context) => async (args) => {
          const command = context.commandName ?? '';
          sent.push(command.replace(/Command$/, ''));
          const output = answer(command, args.input as { readonly ChildId?: string });
          return { output: { ...output, $metadata: {} } as Output, response: {} };
        },
        { step: 'initialize', priority: 'low', name: 'answerOrganizationsInPlace' },
      );
    },
  };
}

describe("the worker's Organizations reads", () => {
  it('read the OU path once, one ListParents per OU, and the account every time', async () => {
    const clock = new VirtualClock(0);
    const sent: string[] = [];
    const deps = createWorkerDependencies(
      { ...COMPLETE_ENVIRONMENT, STATUS_WAIT_SECONDS: '20', OPERATIONS_MAX_RECEIVE_COUNT: '5' },
      answeringOrganizations(clock, sent),
    );
    const organizations = deps.execute.organizations as OrganizationsAdapter;
    const batches: { ous: string[]; sent: string[] }[] = [];
    for (let batch = 0; batch < 2; batch += 1) {
      await clock.run(async () => {
        const structure = await organizations.readAccountStructure(ACCOUNT, []);
        batches.push({
          ous: (structure?.organizationalUnits ?? []).map((ou) => `${ou.id} ${ou.name}`),
          sent: sent.splice(0).sort(),
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
