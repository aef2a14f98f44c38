/**
 * What every world change uses: the fault-free moto clients, the world's state, its random
 * stream, the clock for event times, and helpers to create and move accounts in moto.
 */
import {
  CreateAccountCommand,
  ListPoliciesForTargetCommand,
  MoveAccountCommand,
} from '@aws-sdk/client-organizations';
import type { MotoClients } from '@org/emulators';
import type { Attachment } from '@org/scope-engine';
import type { AssignmentKey, Clock } from '@org/governance-runtime';
import type { SeededRandom } from '../random/seeded-random';
import type { EventContext, RawEvent } from './raw-events';
import { attachmentKey, type WorldAccount, type WorldState } from './world-state';

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

/**
 * The shared tools of the world changes.
 *
 * @example
 * ```ts
 * const tools = new WorldTools(setup);
 * const { account } = await tools.newAccount('new');
 * ```
 */
export class WorldTools {
  private created = 0;
  /** The round in progress (items made by hand are unmanaged from this round on). */
  round = 0;

  constructor(readonly setup: WorldSetup) {}

  get state(): WorldState {
    return this.setup.state;
  }

  get random(): SeededRandom {
    return this.setup.random;
  }

  /** A fresh name with a running number, e.g. `new-007`. */
  nextName(prefix: string): string {
    this.created += 1;
    return `${prefix}-${String(this.created).padStart(3, '0')}`;
  }

  /** A new event id and the current time. */
  context(): EventContext {
    return {
      eventId: this.random.uuid(),
      time: new Date(this.setup.clock.now()).toISOString(),
      managementAccountId: this.state.managementAccountId,
      organizationId: this.setup.organizationId,
    };
  }

  /** A change reported by one event (or none). */
  single(event: GeneratedEvent | null, attachments: readonly Attachment[] = []): WorldChange {
    return { events: event === null ? [] : [event], attachments, assignments: [] };
  }

  /** Creates an account in moto (under the root) and records its direct SCPs as unmanaged. */
  async newAccount(prefix: string): Promise<{ account: WorldAccount; found: Attachment[] }> {
    const name = this.nextName(prefix);
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
    for (const a of found) {
      this.state.unmanagedAttachments.set(attachmentKey(id, a.policyId), this.round);
    }
    return { account, found };
  }

  /** Moves an account in moto and in the state. */
  async moveInMoto(account: WorldAccount, destinationId: string): Promise<WorldAccount> {
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
}
