/**
 * End to end through moto: a managed SCP detached by hand is restored, and a group created after
 * the rule naming it receives its waiting assignment — the example events through the real
 * processor and worker, checked by reading moto back.
 */
import { CreateGroupCommand } from '@aws-sdk/client-identitystore';
import { DetachPolicyCommand } from '@aws-sdk/client-organizations';
import type { LocalDeployment } from '../../src/deployment/local-deployment';
import { accountState, deliver, deployExample, drain, effective, localEvent } from './e2e-support';

jest.setTimeout(120_000);

describe('changes made by hand and directory events through moto', () => {
  let deployment: LocalDeployment;

  beforeEach(async () => {
    deployment = await deployExample();
  });

  afterEach(async () => {
    await deployment.close();
  });

  it('a managed SCP a person detached is attached again', async () => {
    await deployment.moto.organizations.send(
      new DetachPolicyCommand({
        PolicyId: deployment.ids.get('p-aaaa1111'),
        TargetId: deployment.ids.get('666666666666'),
      }),
    );
    const detached = accountState(await effective(deployment), '666666666666').scps;
    const outcome = await deliver(
      deployment,
      'processor',
      localEvent(deployment, 'policy-detached-by-hand'),
    );
    await drain(deployment);
    const restored = accountState(await effective(deployment), '666666666666').scps;
    expect([
      detached.includes('DenyLeaveOrg*'),
      outcome.ok,
      restored.includes('DenyLeaveOrg*'),
    ]).toStrictEqual([false, true, true]);
  });

  it('a group created later (BreakGlass) receives the assignment its rule was waiting for', async () => {
    const created = await deployment.moto.identityStore.send(
      new CreateGroupCommand({
        IdentityStoreId: deployment.seeded.identityStoreId,
        DisplayName: 'BreakGlass',
      }),
    );
    deployment.ids.set('90671234-aaaa-bbbb-cccc-666666666666', created.GroupId ?? '');
    await deliver(deployment, 'processor', localEvent(deployment, 'group-created'));
    await drain(deployment);
    expect(accountState(await effective(deployment), '666666666666').assignments).toContain(
      'AdministratorAccess→BreakGlass*',
    );
  });
});
