/**
 * The organization's structure changing: accounts moved across nested OUs, new OUs — and a move
 * that failed (`errorCode`), which changed nothing.
 */
import { CreateOrganizationalUnitCommand } from '@aws-sdk/client-organizations';
import { apiCallEvent } from './raw-events';
import type { WorldChange, WorldTools } from './world-tools';

/** `MoveAccount` between the root and nested OUs (suspended accounts included). */
export async function moveAccount(tools: WorldTools): Promise<WorldChange> {
  const account = tools.random.pick(tools.state.members());
  const destination = tools.random.pick(
    tools.state.parents().filter((p) => p.id !== account.parentId),
  );
  const sourceParentId = account.parentId;
  const moved = await tools.moveInMoto(account, destination.id);
  const context = tools.context();
  const raw = apiCallEvent(context, 'MoveAccount', {
    accountId: moved.id,
    sourceParentId,
    destinationParentId: destination.id,
  });
  return tools.single({
    id: context.eventId,
    raw,
    label: `move ${moved.name} → ${destination.name}`,
  });
}

/** `CreateOrganizationalUnit` under the root or any OU (deeper nesting over time). */
export async function createOrganizationalUnit(tools: WorldTools): Promise<WorldChange> {
  const parent = tools.random.pick(tools.state.parents());
  const name = tools.nextName('Team');
  const created = await tools.setup.clients.organizations.send(
    new CreateOrganizationalUnitCommand({ ParentId: parent.id, Name: name }),
  );
  const id = created.OrganizationalUnit?.Id ?? '';
  tools.state.organizationalUnits.push({ id, name, parentId: parent.id });
  const context = tools.context();
  const raw = apiCallEvent(
    context,
    'CreateOrganizationalUnit',
    { parentId: parent.id, name },
    { organizationalUnit: { id, name, arn: created.OrganizationalUnit?.Arn ?? '' } },
  );
  return tools.single({ id: context.eventId, raw, label: `create OU ${name} in ${parent.name}` });
}

/** A call that failed (`errorCode`): the event reports a move that never happened. */
export function failedCall(tools: WorldTools): WorldChange {
  const account = tools.random.pick(tools.state.members());
  const destination = tools.random.pick(tools.state.parents());
  const context = tools.context();
  const raw = apiCallEvent(
    context,
    'MoveAccount',
    {
      accountId: account.id,
      sourceParentId: account.parentId,
      destinationParentId: destination.id,
    },
    null,
    {
      errorCode: 'ConcurrentModificationException',
      errorMessage: 'AWS Organizations can\u2019t complete your request; try again later.',
    },
  );
  return tools.single({ id: context.eventId, raw, label: `failed move ${account.name}` });
}
