import { CreateGroupCommand } from '@aws-sdk/client-identitystore';
import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  DescribeCreateAccountStatusCommand,
  DetachPolicyCommand,
  ListParentsCommand,
  MoveAccountCommand,
  RemoveAccountFromOrganizationCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-organizations';
import type { IdMap, MotoClients } from '@org/emulators';

/** What a step does to the organization before its event is delivered (the event's cause). */
type WorldChange = (
  moto: Pick<MotoClients, 'organizations' | 'identityStore'>,
  ids: IdMap,
  identityStoreId: string,
) => Promise<void>;

/** The BreakGlass group's id in examples/events/group-created.json. */
const BREAK_GLASS_GROUP = '90671234-aaaa-bbbb-cccc-666666666666';

/** One event of the example run, in delivery order. */
export interface ScenarioStep {
  /** File in examples/events/. */
  readonly file: string;
  /** What happened in the organization (moto lacks AcceptHandshake and Control Tower). */
  readonly change?: WorldChange;
}

async function createAccountAs(
  moto: Pick<MotoClients, 'organizations'>,
  ids: IdMap,
  exampleId: string,
  name: string,
  exampleParentId: string,
): Promise<void> {
  const created = await moto.organizations.send(
    new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }),
  );
  const requestId = created.CreateAccountStatus?.Id ?? '';
  const status = await moto.organizations.send(
    new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: requestId }),
  );
  const accountId =
    status.CreateAccountStatus?.AccountId ?? created.CreateAccountStatus?.AccountId ?? '';
  ids.set(exampleId, accountId);
  const destination = ids.get(exampleParentId);
  const { Parents = [] } = await moto.organizations.send(
    new ListParentsCommand({ ChildId: accountId }),
  );
  const source = Parents[0]?.Id ?? '';
  if (source !== destination) {
    await moto.organizations.send(
      new MoveAccountCommand({
        AccountId: accountId,
        SourceParentId: source,
        DestinationParentId: destination,
      }),
    );
  }
}

/**
 * The example events in a sensible order (examples/org.yaml is the organization just after
 * account-created.json), each with the change in the organization that caused it. Files not
 * listed here are delivered afterwards, in name order, with no change.
 */
export const EXAMPLE_SCENARIO: readonly ScenarioStep[] = [
  { file: 'account-created.json' },
  { file: 'create-account-failed.json' },
  {
    file: 'account-moved.json',
    change: async (moto, ids) => {
      await moto.organizations.send(
        new MoveAccountCommand({
          AccountId: ids.get('222233334444'),
          SourceParentId: ids.get('r-ab12'),
          DestinationParentId: ids.get('ou-ab12-11111111'),
        }),
      );
    },
  },
  {
    file: 'tag-resource.json',
    change: async (moto, ids) => {
      await moto.organizations.send(
        new TagResourceCommand({
          ResourceId: ids.get('222233334444'),
          Tags: [
            { Key: 'env', Value: 'prod' },
            { Key: 'team', Value: 'payments' },
          ],
        }),
      );
    },
  },
  { file: 'account-tags-changed-tag-on-resource.json' },
  {
    file: 'untag-resource.json',
    change: async (moto, ids) => {
      await moto.organizations.send(
        new UntagResourceCommand({ ResourceId: ids.get('222233334444'), TagKeys: ['owner'] }),
      );
    },
  },
  {
    file: 'account-joined-accept-handshake.json',
    change: (moto, ids) =>
      createAccountAs(moto, ids, '555566667777', 'joined-by-invitation', 'r-ab12'),
  },
  {
    file: 'ou-created.json',
    change: async (moto, ids) => {
      const created = await moto.organizations.send(
        new CreateOrganizationalUnitCommand({ ParentId: ids.get('r-ab12'), Name: 'Security' }),
      );
      ids.set('ou-ab12-44444444', created.OrganizationalUnit?.Id ?? '');
    },
  },
  {
    file: 'managed-account-vended-create.json',
    change: (moto, ids) =>
      createAccountAs(moto, ids, '888899990000', 'analytics-prod', 'ou-ab12-22222222'),
  },
  { file: 'managed-account-vended-update.json' },
  { file: 'managed-account-vended-failed.json' },
  { file: 'move-account-api-error.json' },
  {
    file: 'account-removed.json',
    change: async (moto, ids) => {
      await moto.organizations.send(
        new RemoveAccountFromOrganizationCommand({ AccountId: ids.get('444455556666') }),
      );
    },
  },
  { file: 'account-closed.json' },
  {
    // A person detaches a managed SCP by hand: the processor plans it back, audits and alerts.
    file: 'policy-detached-by-hand.json',
    change: async (moto, ids) => {
      await moto.organizations.send(
        new DetachPolicyCommand({
          PolicyId: ids.get('p-aaaa1111'),
          TargetId: ids.get('666666666666'),
        }),
      );
    },
  },
  {
    // The group rule break-glass waits on is created: its assignment follows the event.
    file: 'group-created.json',
    change: async (moto, ids, identityStoreId) => {
      const created = await moto.identityStore.send(
        new CreateGroupCommand({ IdentityStoreId: identityStoreId, DisplayName: 'BreakGlass' }),
      );
      ids.set(BREAK_GLASS_GROUP, created.GroupId ?? '');
    },
  },
];

/** The steps for the files present: the scenario's first, then the others in name order. */
export function scenarioFor(files: readonly string[]): ScenarioStep[] {
  const known = EXAMPLE_SCENARIO.filter((step) => files.includes(step.file));
  const extra = files
    .filter((file) => !EXAMPLE_SCENARIO.some((step) => step.file === file))
    .sort()
    .map((file) => ({ file }));
  return [...known, ...extra];
}
