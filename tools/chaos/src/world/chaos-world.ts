/**
 * The world the chaos run changes: real changes in moto (made with fault-free clients, as an
 * operator or AWS would make them) and the raw EventBridge events that describe them, so every
 * event is a true hint — the processor re-reads the account and finds what the event says.
 */
import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  ListPoliciesForTargetCommand,
  MoveAccountCommand,
  TagResourceCommand,
  UntagResourceCommand,
  AttachPolicyCommand,
} from '@aws-sdk/client-organizations';
import { CreateAccountAssignmentCommand } from '@aws-sdk/client-sso-admin';
import type { MotoClients } from '@org/emulators';
import type { AssignmentKey, Attachment, Clock } from '@org/scope-engine';
import type { SeededRandom } from '../random/seeded-random';
import { TAG_VALUES } from './initial-organization';
import {
  acceptHandshakeEvent,
  apiCallEvent,
  createAccountResultEvent,
  type EventContext,
  managedAccountEvent,
  type RawEvent,
  tagChangeOnResourceEvent,
} from './raw-events';
import { assignmentKey, attachmentKey, type WorldAccount, type WorldState } from './world-state';

/** One generated event: what happened, as AWS would deliver it. */
export interface GeneratedEvent {
  /** EventBridge id. */
  readonly id: string;
  readonly raw: RawEvent;
  /** What happened, for logs (e.g. `move chaos-003 → Dev`). */
  readonly label: string;
}

/** What one world change did. */
export interface WorldChange {
  /**
   * The events reporting it, as AWS emits them (none for changes no event reports, e.g. an SCP
   * attached by hand; three for a Control Tower vending).
   */
  readonly events: readonly GeneratedEvent[];
  /** Attachments that appeared without the product (FullAWSAccess on new accounts, by hand). */
  readonly attachments: readonly Attachment[];
  /** Assignments made by hand. */
  readonly assignments: readonly AssignmentKey[];
}

/** Fixed facts of the emulated organization. */
export interface WorldSetup {
  readonly clients: Pick<MotoClients, 'organizations' | 'ssoAdmin'>;
  readonly state: WorldState;
  readonly random: SeededRandom;
  readonly clock: Clock;
  readonly organizationId: string;
  readonly instanceArn: string;
}

const TAG_KEYS = ['env', 'team', 'owner'] as const;

/**
 * Makes organization changes in moto and returns the events that report them.
 *
 * @example
 * ```ts
 * const world = new ChaosWorld(setup);
 * const change = await world.moveAccount();
 * await processor(change.event.raw, context);
 * ```
 */
export class ChaosWorld {
  private created = 0;
  /** The round in progress (items made by hand are unmanaged from this round on). */
  round = 0;

  constructor(private readonly setup: WorldSetup) {}

  get state(): WorldState {
    return this.setup.state;
  }

  private context(): EventContext {
    return {
      eventId: this.setup.random.uuid(),
      time: new Date(this.setup.clock.now()).toISOString(),
      managementAccountId: this.state.managementAccountId,
      organizationId: this.setup.organizationId,
    };
  }

  private change(event: GeneratedEvent | null, attachments: Attachment[] = []): WorldChange {
    return { events: event === null ? [] : [event], attachments, assignments: [] };
  }

  /** Creates an account in moto (under the root) and records its direct SCPs as unmanaged. */
  private async newAccount(
    prefix: string,
  ): Promise<{ account: WorldAccount; found: Attachment[] }> {
    this.created += 1;
    const name = `${prefix}-${String(this.created).padStart(3, '0')}`;
    const { organizations } = this.setup.clients;
    const created = await organizations.send(
      new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }),
    );
    const id = created.CreateAccountStatus?.AccountId ?? '';
    const account: WorldAccount = {
      id,
      name,
      email: `${name}@example.com`,
      parentId: this.state.rootId,
      status: 'ACTIVE',
      tags: {},
      vended: false,
    };
    this.state.accounts.push(account);
    const policies = await organizations.send(
      new ListPoliciesForTargetCommand({ TargetId: id, Filter: 'SERVICE_CONTROL_POLICY' }),
    );
    const found = (policies.Policies ?? []).map((p) => ({ targetId: id, policyId: p.Id ?? '' }));
    for (const a of found)
      this.state.unmanagedAttachments.set(attachmentKey(id, a.policyId), this.round);
    return { account, found };
  }

  private async moveInMoto(account: WorldAccount, destinationId: string): Promise<WorldAccount> {
    await this.setup.clients.organizations.send(
      new MoveAccountCommand({
        AccountId: account.id,
        SourceParentId: account.parentId,
        DestinationParentId: destinationId,
      }),
    );
    const moved = { ...account, parentId: destinationId };
    this.state.update(moved);
    return moved;
  }

  /** `CreateAccountResult` SUCCEEDED: a new account under the root. */
  async createAccount(): Promise<WorldChange> {
    const { account, found } = await this.newAccount('new');
    const context = this.context();
    const raw = createAccountResultEvent(context, {
      state: 'SUCCEEDED',
      accountId: account.id,
      accountName: account.name,
    });
    return this.change({ id: context.eventId, raw, label: `create ${account.name}` }, found);
  }

  /** `CreateAccountResult` FAILED: nothing changed in the organization. */
  createAccountFailed(): WorldChange {
    const context = this.context();
    const raw = createAccountResultEvent(context, {
      state: 'FAILED',
      accountName: `failed-${context.eventId.slice(0, 4)}`,
      failureReason: 'EMAIL_ALREADY_EXISTS',
    });
    return this.change({ id: context.eventId, raw, label: 'create failed' });
  }

  /** `AcceptHandshake`: an invited account joined (moto has no handshakes: it is created). */
  async inviteAccount(): Promise<WorldChange> {
    const { account, found } = await this.newAccount('joined');
    const context = this.context();
    const raw = acceptHandshakeEvent(context, account.id);
    return this.change({ id: context.eventId, raw, label: `join ${account.name}` }, found);
  }

  /**
   * Control Tower `CreateManagedAccount`: a new account in an OU. Control Tower creates and moves
   * it through Organizations, so AWS reports it three times: `CreateAccountResult`, `MoveAccount`
   * and the Control Tower event.
   */
  async vendAccount(): Promise<WorldChange> {
    const { account, found } = await this.newAccount('vended');
    const ou = this.setup.random.pick(this.state.organizationalUnits);
    const moved = await this.moveInMoto({ ...account, vended: true }, ou.id);
    const created = this.context();
    const move = this.context();
    const vended = this.context();
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
          sourceParentId: this.state.rootId,
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
  async revendAccount(): Promise<WorldChange> {
    const vended = this.state.members().filter((a) => a.vended && a.status === 'ACTIVE');
    if (vended.length === 0) return this.vendAccount();
    const account = this.setup.random.pick(vended);
    const ou = this.setup.random.pick(
      this.state.organizationalUnits.filter((candidate) => candidate.id !== account.parentId),
    );
    const moved = await this.moveInMoto(account, ou.id);
    const context = this.context();
    const raw = managedAccountEvent(
      context,
      'UpdateManagedAccount',
      { accountId: moved.id, accountName: moved.name },
      ou,
    );
    return this.change({ id: context.eventId, raw, label: `re-vend ${moved.name} → ${ou.name}` });
  }

  /** `MoveAccount` between the root and nested OUs (suspended accounts included). */
  async moveAccount(): Promise<WorldChange> {
    const account = this.setup.random.pick(this.state.members());
    const destination = this.setup.random.pick(
      this.state.parents().filter((p) => p.id !== account.parentId),
    );
    const sourceParentId = account.parentId;
    const moved = await this.moveInMoto(account, destination.id);
    const context = this.context();
    const raw = apiCallEvent(context, 'MoveAccount', {
      accountId: moved.id,
      sourceParentId,
      destinationParentId: destination.id,
    });
    return this.change({
      id: context.eventId,
      raw,
      label: `move ${moved.name} → ${destination.name}`,
    });
  }

  /**
   * A tag set or changed (A→B): reported as a `TagResource` call or as an `aws.tag` change
   * (`tagChange`), which carries the full tag map.
   */
  async tagAccount(style: 'api' | 'tagChange'): Promise<WorldChange> {
    const random = this.setup.random;
    const account = random.pick(this.state.members());
    const key = random.pick(TAG_KEYS);
    const choices = (TAG_VALUES[key] ?? []).filter((value) => value !== account.tags[key]);
    const value = random.pick(choices);
    await this.setup.clients.organizations.send(
      new TagResourceCommand({ ResourceId: account.id, Tags: [{ Key: key, Value: value }] }),
    );
    const tagged = { ...account, tags: { ...account.tags, [key]: value } };
    this.state.update(tagged);
    const context = this.context();
    const raw =
      style === 'api'
        ? apiCallEvent(context, 'TagResource', {
            resourceId: account.id,
            tags: [{ key, value }],
          })
        : tagChangeOnResourceEvent(context, account.id, tagged.tags, [key]);
    const from = account.tags[key] ?? '(none)';
    return this.change({
      id: context.eventId,
      raw,
      label: `tag ${account.name} ${key}: ${from} → ${value}`,
    });
  }

  /** A tag deleted: `UntagResource` or an `aws.tag` change whose changed key is gone. */
  async untagAccount(style: 'api' | 'tagChange'): Promise<WorldChange> {
    const random = this.setup.random;
    const tagged = this.state.members().filter((a) => Object.keys(a.tags).length > 0);
    if (tagged.length === 0) return this.tagAccount(style);
    const account = random.pick(tagged);
    const key = random.pick(Object.keys(account.tags).sort());
    await this.setup.clients.organizations.send(
      new UntagResourceCommand({ ResourceId: account.id, TagKeys: [key] }),
    );
    const tags = Object.fromEntries(Object.entries(account.tags).filter(([k]) => k !== key));
    this.state.update({ ...account, tags });
    const context = this.context();
    const raw =
      style === 'api'
        ? apiCallEvent(context, 'UntagResource', { resourceId: account.id, tagKeys: [key] })
        : tagChangeOnResourceEvent(context, account.id, tags, [key]);
    return this.change({ id: context.eventId, raw, label: `untag ${account.name} ${key}` });
  }

  /** `CreateOrganizationalUnit` under the root or any OU (deeper nesting over time). */
  async createOrganizationalUnit(): Promise<WorldChange> {
    const parent = this.setup.random.pick(this.state.parents());
    this.created += 1;
    const name = `Team${this.created}`;
    const created = await this.setup.clients.organizations.send(
      new CreateOrganizationalUnitCommand({ ParentId: parent.id, Name: name }),
    );
    const id = created.OrganizationalUnit?.Id ?? '';
    this.state.organizationalUnits.push({ id, name, parentId: parent.id });
    const context = this.context();
    const raw = apiCallEvent(
      context,
      'CreateOrganizationalUnit',
      { parentId: parent.id, name },
      { organizationalUnit: { id, name, arn: created.OrganizationalUnit?.Arn ?? '' } },
    );
    return this.change({ id: context.eventId, raw, label: `create OU ${name} in ${parent.name}` });
  }

  /** A call that failed (`errorCode`): the event reports a move that never happened. */
  failedCall(): WorldChange {
    const random = this.setup.random;
    const account = random.pick(this.state.members());
    const destination = random.pick(this.state.parents());
    const context = this.context();
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
    return this.change({ id: context.eventId, raw, label: `failed move ${account.name}` });
  }

  /**
   * Someone attaches an SCP or creates an assignment by hand (no event): an unmanaged item the
   * product must leave alone even if a rule later asks for — or stops asking for — the same.
   */
  async manualItem(current: {
    hasAttachment(accountId: string, policyId: string): boolean;
    hasAssignment(key: AssignmentKey): boolean;
  }): Promise<WorldChange> {
    const random = this.setup.random;
    const account = random.pick(this.state.members().filter((a) => a.status === 'ACTIVE'));
    const base = this.state.base;
    if (random.chance(0.5)) {
      const policy = random.pick(base.policies.filter((p) => p.name !== 'FullAWSAccess'));
      if (current.hasAttachment(account.id, policy.id)) return this.change(null);
      await this.setup.clients.organizations.send(
        new AttachPolicyCommand({ PolicyId: policy.id, TargetId: account.id }),
      );
      this.state.unmanagedAttachments.set(attachmentKey(account.id, policy.id), this.round);
      return this.change(null, [{ targetId: account.id, policyId: policy.id }]);
    }
    const set = random.pick(base.permissionSets);
    const principal = random.pick(base.principals);
    const key: AssignmentKey = {
      accountId: account.id,
      permissionSetArn: set.arn,
      principalType: principal.type,
      principalId: principal.id,
    };
    if (current.hasAssignment(key)) return this.change(null);
    await this.setup.clients.ssoAdmin.send(
      new CreateAccountAssignmentCommand({
        InstanceArn: this.setup.instanceArn,
        TargetId: account.id,
        TargetType: 'AWS_ACCOUNT',
        PermissionSetArn: set.arn,
        PrincipalType: principal.type,
        PrincipalId: principal.id,
      }),
    );
    this.state.unmanagedAssignments.set(assignmentKey(key), this.round);
    return { events: [], attachments: [], assignments: [key] };
  }
}
