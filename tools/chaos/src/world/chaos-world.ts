/**
 * The world the chaos run changes: real changes in moto (made with fault-free clients, as an
 * operator or AWS would make them) and the raw EventBridge events that describe them, so every
 * event is a true hint — the processor re-reads the account and finds what the event says.
 */
import {
  createAccount,
  createAccountFailed,
  inviteAccount,
  revendAccount,
  vendAccount,
} from './account-changes';
import { moveFlipLeg, tagFlipLeg } from './flips';
import { type ExistingItems, manualItem } from './manual-items';
import { createOrganizationalUnit, failedCall, moveAccount } from './structure-changes';
import { type TagEventStyle, tagAccount, untagAccount } from './tag-changes';
import type { WorldState } from './world-state';
import { type WorldChange, type WorldSetup, WorldTools } from './world-tools';

export type { GeneratedEvent, WorldChange, WorldSetup } from './world-tools';

/**
 * Makes organization changes in moto and returns the events that report them.
 *
 * @example
 * ```ts
 * const world = new ChaosWorld(setup);
 * const change = await world.moveAccount();
 * await processor(change.events[0].raw, context);
 * ```
 */
export class ChaosWorld {
  private readonly tools: WorldTools;

  constructor(setup: WorldSetup) {
    this.tools = new WorldTools(setup);
  }

  /** The world's state. */
  get state(): WorldState {
    return this.tools.state;
  }

  /** The round in progress (items made by hand are unmanaged from this round on). */
  get round(): number {
    return this.tools.round;
  }

  set round(round: number) {
    this.tools.round = round;
  }

  /** `CreateAccountResult` SUCCEEDED. */
  createAccount(): Promise<WorldChange> {
    return createAccount(this.tools);
  }

  /** `CreateAccountResult` FAILED. */
  createAccountFailed(): WorldChange {
    return createAccountFailed(this.tools);
  }

  /** `AcceptHandshake`. */
  inviteAccount(): Promise<WorldChange> {
    return inviteAccount(this.tools);
  }

  /** Control Tower `CreateManagedAccount` (with its Organizations events). */
  vendAccount(): Promise<WorldChange> {
    return vendAccount(this.tools);
  }

  /** Control Tower `UpdateManagedAccount`. */
  revendAccount(): Promise<WorldChange> {
    return revendAccount(this.tools);
  }

  /** `MoveAccount`. */
  moveAccount(): Promise<WorldChange> {
    return moveAccount(this.tools);
  }

  /** A tag set or changed A→B. */
  tagAccount(style: TagEventStyle): Promise<WorldChange> {
    return tagAccount(this.tools, style);
  }

  /** A tag deleted. */
  untagAccount(style: TagEventStyle): Promise<WorldChange> {
    return untagAccount(this.tools, style);
  }

  /** `CreateOrganizationalUnit`. */
  createOrganizationalUnit(): Promise<WorldChange> {
    return createOrganizationalUnit(this.tools);
  }

  /** A move that failed (`errorCode`). */
  failedCall(): WorldChange {
    return failedCall(this.tools);
  }

  /** One leg of a tag flip: `key` set to `value` (`null`: deleted). */
  tagFlipLeg(accountId: string, key: string, value: string | null): Promise<WorldChange> {
    return tagFlipLeg(this.tools, accountId, key, value);
  }

  /** One leg of a move flip. */
  moveFlipLeg(accountId: string, destinationId: string): Promise<WorldChange> {
    return moveFlipLeg(this.tools, accountId, destinationId);
  }

  /** An SCP attached or an assignment created by hand (no event). */
  manualItem(existing: ExistingItems): Promise<WorldChange> {
    return manualItem(this.tools, existing);
  }
}
