/**
 * The world change behind each kind of scheduled event.
 */
import type { ChaosWorld, WorldChange } from './chaos-world';
import type { EventKind } from './event-script';

/**
 * Makes the change a scheduled event kind stands for.
 *
 * @throws {RangeError} for rule changes, flips and forged messages, which are rounds of their own.
 * @example
 * ```ts
 * const change = await worldStep(world, 'move');
 * ```
 */
export function worldStep(world: ChaosWorld, kind: EventKind): Promise<WorldChange> {
  switch (kind) {
    case 'create':
      return world.createAccount();
    case 'invite':
      return world.inviteAccount();
    case 'vend':
      return world.vendAccount();
    case 'revend':
      return world.revendAccount();
    case 'createFailed':
      return Promise.resolve(world.createAccountFailed());
    case 'move':
      return world.moveAccount();
    case 'tagApi':
      return world.tagAccount('api');
    case 'tagChange':
      return world.tagAccount('tagChange');
    case 'untagApi':
      return world.untagAccount('api');
    case 'untagChange':
      return world.untagAccount('tagChange');
    case 'createOu':
      return world.createOrganizationalUnit();
    case 'failedCall':
      return Promise.resolve(world.failedCall());
    case 'ruleChange':
    case 'tagFlip':
    case 'moveFlip':
    case 'ruleFlip':
    case 'forged':
      return Promise.reject(new RangeError(`${kind} makes rounds of its own`));
  }
}
