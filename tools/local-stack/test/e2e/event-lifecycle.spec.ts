/**
 * End to end through moto: example events → real handlers → real worker → moto, checked by
 * reading moto back through the adapters.
 */
import {
  CreateAccountCommand,
  DescribeCreateAccountStatusCommand,
  ListParentsCommand,
  MoveAccountCommand,
  TagResourceCommand,
} from '@aws-sdk/client-organizations';
import { DescribeCasesCommand } from '@aws-sdk/client-support';
import type { LocalDeployment } from '../../src/deployment/local-deployment';
import { localLambdaContext } from '../../src/runtime/lambda-context';
import { accountState, deliver, deployExample, drain, effective, localEvent } from './e2e-support';

jest.setTimeout(120_000);

/** Creates an account in moto as `exampleId` under `exampleParent` (what AcceptHandshake / Control Tower would do). */
async function createAccount(
  deployment: LocalDeployment,
  exampleId: string,
  name: string,
  exampleParent: string,
) {
  const { organizations } = deployment.moto;
  const created = await organizations.send(
    new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }),
  );
  const status = await organizations.send(
    new DescribeCreateAccountStatusCommand({
      CreateAccountRequestId: created.CreateAccountStatus?.Id ?? '',
    }),
  );
  const accountId = status.CreateAccountStatus?.AccountId ?? '';
  deployment.ids.set(exampleId, accountId);
  const source =
    (await organizations.send(new ListParentsCommand({ ChildId: accountId }))).Parents?.[0]?.Id ??
    '';
  const destination = deployment.ids.get(exampleParent);
  if (source !== destination) {
    await organizations.send(
      new MoveAccountCommand({
        AccountId: accountId,
        SourceParentId: source,
        DestinationParentId: destination,
      }),
    );
  }
}

describe('event lifecycle through moto', () => {
  let deployment: LocalDeployment;

  beforeEach(async () => {
    deployment = await deployExample();
  });

  afterEach(async () => {
    await deployment.close();
  });

  it('account created → SCPs attached and the assignment created in moto', async () => {
    await deliver(deployment, 'processor', localEvent(deployment, 'account-created'));
    const drained = await drain(deployment);
    expect({
      drained: drained.completed,
      account: accountState(await effective(deployment), '222233334444'),
    }).toStrictEqual({
      drained: 3,
      account: {
        scps: ['DenyDeleteBackups*', 'DenyLeaveOrg*', 'FullAWSAccess'],
        assignments: ['PowerUser→Developers*', 'ReadOnly→Auditors*'],
      },
    });
  });

  it('AcceptHandshake → the joined account gets its SCPs and assignment', async () => {
    await createAccount(deployment, '555566667777', 'joined', 'r-ab12');
    const outcome = await deliver(
      deployment,
      'processor',
      localEvent(deployment, 'account-joined-accept-handshake'),
    );
    await drain(deployment);
    expect({
      ok: outcome.ok,
      account: accountState(await effective(deployment), '555566667777'),
    }).toStrictEqual({
      ok: true,
      // moto, like AWS with RCPs enabled, attaches RCPFullAWSAccess to every new account.
      account: {
        scps: ['DenyLeaveOrg*', 'FullAWSAccess', 'RCPFullAWSAccess'],
        assignments: ['ReadOnly→Auditors*'],
      },
    });
  });

  it('move out of Prod → access only the old OUs granted is removed, overlapping access and unmanaged items kept', async () => {
    await deployment.handlers.reconciler(
      { accountIds: [deployment.ids.get('666666666666')] },
      localLambdaContext('reconciler', 900_000),
    );
    await drain(deployment);
    const before = accountState(await effective(deployment), '666666666666');
    await deployment.moto.organizations.send(
      new MoveAccountCommand({
        AccountId: deployment.ids.get('666666666666'),
        SourceParentId: deployment.ids.get('ou-ab12-22222222'),
        DestinationParentId: deployment.ids.get('ou-ab12-33333333'),
      }),
    );
    await deliver(
      deployment,
      'processor',
      localEvent(deployment, 'account-moved', (raw) => {
        const detail = raw['detail'] as { requestParameters: Record<string, string> };
        detail.requestParameters = {
          accountId: '666666666666',
          sourceParentId: 'ou-ab12-22222222',
          destinationParentId: 'ou-ab12-33333333',
        };
      }),
    );
    await drain(deployment);
    expect({
      before,
      after: accountState(await effective(deployment), '666666666666'),
    }).toStrictEqual({
      before: {
        scps: [
          'CostCenterTags*',
          'DenyDeleteBackups*',
          'DenyLeaveOrg*',
          'DenyUnapprovedRegions*',
          'EnforceOrgIdentities*',
          'FullAWSAccess',
          'LegacyDenyS3Public',
          'RCPFullAWSAccess',
        ],
        assignments: [
          'AdministratorAccess→ProdOperators*',
          'AdministratorAccess→jdoe',
          'ReadOnly→Auditors*',
        ],
      },
      // Out of Prod: the data-perimeter RCP goes too; the tag policy (team=data) stays.
      after: {
        scps: [
          'CostCenterTags*',
          'DenyDeleteBackups*',
          'DenyLeaveOrg*',
          'FullAWSAccess',
          'LegacyDenyS3Public',
          'RCPFullAWSAccess',
        ],
        assignments: ['AdministratorAccess→jdoe', 'ReadOnly→Auditors*'],
      },
    });
  });

  it('tag value change dev → prod → the dev grant is removed, the prod grants added', async () => {
    await deliver(deployment, 'processor', localEvent(deployment, 'account-created'));
    await drain(deployment);
    await deployment.moto.organizations.send(
      new TagResourceCommand({
        ResourceId: deployment.ids.get('222233334444'),
        Tags: [{ Key: 'env', Value: 'prod' }],
      }),
    );
    await deliver(deployment, 'processor', localEvent(deployment, 'tag-resource'));
    await drain(deployment);
    expect(accountState(await effective(deployment), '222233334444')).toStrictEqual({
      scps: ['DenyDeleteBackups*', 'DenyLeaveOrg*', 'FullAWSAccess'],
      assignments: ['ReadOnly→Auditors*'],
    });
  });

  it('Control Tower vending → one Support case in moto, even when the event is delivered twice', async () => {
    await createAccount(deployment, '888899990000', 'analytics-prod', 'ou-ab12-22222222');
    const event = localEvent(deployment, 'managed-account-vended-create');
    const first = await deliver(deployment, 'notifier', event);
    const second = await deliver(deployment, 'notifier', event);
    const notifierQueued = (await drain(deployment)).completed;
    // The account's SCPs and assignments come from the Organizations events of the vending.
    const created = localEvent(deployment, 'account-created', (raw) => {
      raw['id'] = 'b7c1d2e3-0000-4000-8000-888899990000';
      const detail = raw['detail'] as { serviceEventDetails: { createAccountStatus: object } };
      detail.serviceEventDetails.createAccountStatus = {
        ...detail.serviceEventDetails.createAccountStatus,
        accountId: '888899990000',
        accountName: 'analytics-prod',
      };
    });
    await deliver(deployment, 'processor', created);
    await drain(deployment);
    const { cases = [] } = await deployment.moto.support.send(
      new DescribeCasesCommand({ includeResolvedCases: true }),
    );
    expect({
      delivered: [first.ok, second.ok],
      notifierQueued,
      cases: cases.map((c) => [c.subject, c.serviceCode, c.categoryCode, c.severityCode]),
      account: accountState(await effective(deployment), '888899990000'),
    }).toStrictEqual({
      delivered: [true, true],
      notifierQueued: 0,
      cases: [
        [
          `New Account Created via Control Tower - Account ID: ${deployment.ids.get('888899990000')} || Account Name: analytics-prod`,
          'service-ams-operations-service-request',
          'onboarding-or-offboarding',
          'normal', // opened as 'low'; moto escalates a case's severity each time it is described
        ],
      ],
      account: {
        scps: [
          'DenyLeaveOrg*',
          'DenyUnapprovedRegions*',
          'EnforceOrgIdentities*',
          'FullAWSAccess',
          'RCPFullAWSAccess',
        ],
        assignments: ['AdministratorAccess→ProdOperators*', 'ReadOnly→Auditors*'],
      },
    });
  });
});
