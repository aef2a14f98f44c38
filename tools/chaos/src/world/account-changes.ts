/**
 * Accounts appearing: created, joined by invitation, vended and re-vended by Control Tower — and
 * a creation that failed.
 */
import {
  acceptHandshakeEvent,
  apiCallEvent,
  createAccountResultEvent,
  managedAccountEvent,
} from './raw-events';
import type { GeneratedEvent, WorldChange, WorldTools } from './world-tools';

/** `CreateAccountResult` SUCCEEDED: a new account under the root. */
export async function createAccount(tools: WorldTools): Promise<WorldChange> {
  const { account, found } = await tools.newAccount('new');
  const context = tools.context();
  const raw = createAccountResultEvent(context, {
    state: 'SUCCEEDED',
    accountId: account.id,
    accountName: account.name,
  });
  return tools.single({ id: context.eventId, raw, label: `create ${account.name}` }, found);
}

/** `CreateAccountResult` FAILED: nothing changed in the organization. */
export function createAccountFailed(tools: WorldTools): WorldChange {
  const context = tools.context();
  const raw = createAccountResultEvent(context, {
    state: 'FAILED',
    accountName: `failed-${context.eventId.slice(0, 4)}`,
    failureReason: 'EMAIL_ALREADY_EXISTS',
  });
  return tools.single({ id: context.eventId, raw, label: 'create failed' });
}

/** `AcceptHandshake`: an invited account joined (moto has no handshakes: it is created). */
export async function inviteAccount(tools: WorldTools): Promise<WorldChange> {
  const { account, found } = await tools.newAccount('joined');
  const context = tools.context();
  const raw = acceptHandshakeEvent(context, account.id);
  return tools.single({ id: context.eventId, raw, label: `join ${account.name}` }, found);
}

/**
 * Control Tower `CreateManagedAccount`: a new account in an OU. Control Tower creates and moves
 * it through Organizations, so AWS reports it three times: `CreateAccountResult`, `MoveAccount`
 * and the Control Tower event.
 */
export async function vendAccount(tools: WorldTools): Promise<WorldChange> {
  const { account, found } = await tools.newAccount('vended');
  const ou = tools.random.pick(tools.state.organizationalUnits);
  const moved = await tools.moveInMoto({ ...account, vended: true }, ou.id);
  const [created, move, vended] = [tools.context(), tools.context(), tools.context()];
  const events: GeneratedEvent[] = [
    {
      id: created.eventId,
      raw: createAccountResultEvent(created, {
        state: 'SUCCEEDED',
        accountId: moved.id,
        accountName: moved.name,
      }),
      label: `vend ${moved.name}: created`,
    },
    {
      id: move.eventId,
      raw: apiCallEvent(move, 'MoveAccount', {
        accountId: moved.id,
        sourceParentId: tools.state.rootId,
        destinationParentId: ou.id,
      }),
      label: `vend ${moved.name}: moved to ${ou.name}`,
    },
    {
      id: vended.eventId,
      raw: managedAccountEvent(
        vended,
        'CreateManagedAccount',
        { accountId: moved.id, accountName: moved.name },
        ou,
      ),
      label: `vend ${moved.name} → ${ou.name}`,
    },
  ];
  return { events, attachments: found, assignments: [] };
}

/** Control Tower `UpdateManagedAccount`: a vended account re-enrolled into another OU. */
export async function revendAccount(tools: WorldTools): Promise<WorldChange> {
  const vended = tools.state.members().filter((a) => a.vended && a.status === 'ACTIVE');
  if (vended.length === 0) return vendAccount(tools);
  const account = tools.random.pick(vended);
  const ou = tools.random.pick(
    tools.state.organizationalUnits.filter((candidate) => candidate.id !== account.parentId),
  );
  const moved = await tools.moveInMoto(account, ou.id);
  const context = tools.context();
  const raw = managedAccountEvent(
    context,
    'UpdateManagedAccount',
    { accountId: moved.id, accountName: moved.name },
    ou,
  );
  return tools.single({ id: context.eventId, raw, label: `re-vend ${moved.name} → ${ou.name}` });
}
