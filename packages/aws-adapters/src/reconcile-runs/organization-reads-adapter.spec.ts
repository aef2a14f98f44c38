import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
  TooManyRequestsException,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { FAST_RETRY, sdkError } from '../../test/support/fast-retry';
import { OrganizationReadsAdapter } from './organization-reads-adapter';

const organizationsMock = mockClient(OrganizationsClient);
const reads = () =>
  new OrganizationReadsAdapter(new OrganizationsClient({ region: 'us-east-1' }), {
    retryPolicy: FAST_RETRY,
  });

beforeEach(() => organizationsMock.reset());

describe('OrganizationReadsAdapter', () => {
  it('reads one page per call and hands back the next token', async () => {
    organizationsMock.on(ListAccountsForParentCommand).resolves({
      Accounts: [{ Id: '222222222222', Name: 'app', State: 'ACTIVE' }],
      NextToken: 'page-2',
    });
    organizationsMock
      .on(ListTargetsForPolicyCommand)
      .resolves({ Targets: [{ TargetId: '222222222222' }, { TargetId: 'ou-ab12-aaaaaaaa' }] });
    const adapter = reads();
    expect({
      accounts: await adapter.listAccounts('ou-ab12-aaaaaaaa'),
      targets: await adapter.listTargets('p-base0001', 'token'),
      calls: organizationsMock.calls().length,
      tokenPassed: organizationsMock.commandCalls(ListTargetsForPolicyCommand)[0]?.args[0].input
        .NextToken,
    }).toStrictEqual({
      accounts: {
        items: [
          { id: '222222222222', name: 'app', parentId: 'ou-ab12-aaaaaaaa', status: 'ACTIVE' },
        ],
        nextToken: 'page-2',
      },
      targets: { items: ['222222222222', 'ou-ab12-aaaaaaaa'] },
      calls: 2,
      tokenPassed: 'token',
    });
  });

  it('reads the root and the management account, every policy of the types, and every tag page', async () => {
    organizationsMock.on(ListRootsCommand).resolves({ Roots: [{ Id: 'r-ab12' }] });
    organizationsMock
      .on(DescribeOrganizationCommand)
      .resolves({ Organization: { MasterAccountId: '111111111111' } });
    organizationsMock
      .on(ListPoliciesCommand)
      .resolvesOnce({
        Policies: [{ Id: 'p-FullAWSAccess', Name: 'FullAWSAccess' }],
        NextToken: 'n',
      })
      .resolves({ Policies: [{ Id: 'p-base0001', Name: 'Baseline' }] });
    organizationsMock
      .on(ListTagsForResourceCommand)
      .rejectsOnce(sdkError(TooManyRequestsException))
      .resolvesOnce({ Tags: [{ Key: 'env', Value: 'prod' }], NextToken: 'n' })
      .resolves({ Tags: [{ Key: 'team', Value: 'data' }] });
    const adapter = reads();
    expect({
      root: await adapter.describeRoot(),
      policies: await adapter.listPolicies(),
      tags: await adapter.listTags('222222222222'),
    }).toStrictEqual({
      // SCPs always count as enabled; the root's other enabled types are added.
      root: {
        rootId: 'r-ab12',
        managementAccountId: '111111111111',
        enabledPolicyTypes: ['SERVICE_CONTROL_POLICY'],
      },
      policies: [
        { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
        { id: 'p-base0001', name: 'Baseline' },
      ],
      tags: { env: 'prod', team: 'data' },
    });
  });

  it('lists the policies of the types it is given, one ListPolicies per type, each with its type', async () => {
    organizationsMock
      .on(ListPoliciesCommand, { Filter: 'SERVICE_CONTROL_POLICY' })
      .resolves({ Policies: [{ Id: 'p-FullAWSAccess', Name: 'FullAWSAccess' }] })
      .on(ListPoliciesCommand, { Filter: 'RESOURCE_CONTROL_POLICY' })
      .resolves({ Policies: [{ Id: 'p-rcp00001', Name: 'Perimeter' }] })
      .on(ListPoliciesCommand, { Filter: 'TAG_POLICY' })
      .resolves({ Policies: [{ Id: 'p-tag00001', Name: 'CostCenter' }] });
    const policies = await reads().listPolicies([
      'SERVICE_CONTROL_POLICY',
      'RESOURCE_CONTROL_POLICY',
    ]);
    expect({
      policies,
      filters: organizationsMock
        .commandCalls(ListPoliciesCommand)
        .map((call) => call.args[0].input.Filter),
    }).toStrictEqual({
      policies: [
        { id: 'p-FullAWSAccess', name: 'FullAWSAccess' },
        { id: 'p-rcp00001', name: 'Perimeter', type: 'RESOURCE_CONTROL_POLICY' },
      ],
      filters: ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY'],
    });
  });

  it('reports an organization without root as UnexpectedResponse', async () => {
    organizationsMock.on(ListRootsCommand).resolves({ Roots: [] });
    organizationsMock.on(DescribeOrganizationCommand).resolves({ Organization: {} });
    await expect(reads().describeRoot()).rejects.toMatchObject({ code: 'UnexpectedResponse' });
  });
});
