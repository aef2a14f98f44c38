/**
 * Flips within 5 minutes — the histories SQS FIFO deduplication of sent ids punishes: a tag set
 * A→B→A→B→A, an account moved X→Y→X→Y→X, each leg a change of its own. The second A→B plans the
 * same operations as the first, minutes later: a deduplication id without the cause swallows
 * them. The legs are planned here from the seed; each is made in moto with a true event.
 */
import { TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-organizations';
import type { GovernanceConfig } from '@org/scope-engine';
import type { SeededRandom } from '../random/seeded-random';
import { TAG_VALUES } from './initial-organization';
import { apiCallEvent, tagChangeOnResourceEvent } from './raw-events';
import type { WorldAccount } from './world-state';
import type { WorldChange, WorldTools } from './world-tools';

/** What a flip changes. */
export type FlipKind = 'tag' | 'move' | 'rules';

/** Every flip kind. */
export const FLIP_KINDS: readonly FlipKind[] = ['tag', 'move', 'rules'];

/** How many legs a flip has: there and back, twice (the second pair repeats the first). */
export const FLIP_LEGS = 4;

/** The legs of a tag flip: the value after each leg (`null`: the tag deleted). */
export interface TagFlip {
  readonly accountId: string;
  readonly key: string;
  readonly values: readonly (string | null)[];
}

/** The legs of a move flip: the parent after each leg. */
export interface MoveFlip {
  readonly accountId: string;
  readonly parentIds: readonly string[];
}

/** `[b, a, b, a]`: there and back, twice. */
const thereAndBack = <T>(a: T, b: T): T[] => [b, a, b, a];

/**
 * Plans a tag flip of `account`: mostly `env` (prod decides Admin access), else another key; a
 * value A (possibly none) flips to B ≠ A and back, twice.
 *
 * @example
 * ```ts
 * planTagFlip(account, random); // { accountId, key: 'env', values: ['prod', 'dev', 'prod', 'dev'] }
 * ```
 */
export function planTagFlip(account: WorldAccount, random: SeededRandom): TagFlip {
  const key = random.chance(0.6) ? 'env' : random.pick(Object.keys(TAG_VALUES).sort());
  const from = account.tags[key] ?? null;
  const to = random.pick((TAG_VALUES[key] ?? []).filter((value) => value !== from));
  return { accountId: account.id, key, values: thereAndBack(from, to) };
}

/**
 * Plans a move flip of `account` between its parent X and another parent Y, twice.
 *
 * @example
 * ```ts
 * planMoveFlip(account, state.parents(), random); // { accountId, parentIds: [Y, X, Y, X] }
 * ```
 */
export function planMoveFlip(
  account: WorldAccount,
  parents: readonly { readonly id: string }[],
  random: SeededRandom,
): MoveFlip {
  const other = random.pick(parents.filter((p) => p.id !== account.parentId));
  return { accountId: account.id, parentIds: thereAndBack(account.parentId, other.id) };
}

/**
 * The changed configuration of a rule flip: one rule of `config` dropped, as an operator's edit
 * that is reverted (the original applied again) minutes later. The rule is drawn from the SCP
 * and assignment rules; a configuration without rules is returned unchanged.
 *
 * @example
 * ```ts
 * const changed = planRuleFlip(runner.currentConfig, random); // one rule fewer
 * ```
 */
export function planRuleFlip(config: GovernanceConfig, random: SeededRandom): GovernanceConfig {
  const ids = [...config.scpRules, ...config.assignmentRules].map((rule) => rule.id);
  if (ids.length === 0) return config;
  const dropped = random.pick(ids);
  return {
    ...config,
    scpRules: config.scpRules.filter((rule) => rule.id !== dropped),
    assignmentRules: config.assignmentRules.filter((rule) => rule.id !== dropped),
  };
}

/** The account a flip changes: an active member if there is one (its changes plan operations). */
export function flipAccount(members: readonly WorldAccount[], random: SeededRandom): WorldAccount {
  const active = members.filter((a) => a.status === 'ACTIVE');
  return random.pick(active.length > 0 ? active : members);
}

/** One leg of a tag flip: sets (or deletes) the tag in moto, reported one way or the other. */
export async function tagFlipLeg(
  tools: WorldTools,
  accountId: string,
  key: string,
  value: string | null,
): Promise<WorldChange> {
  const account = tools.state.account(accountId);
  const { organizations } = tools.setup.clients;
  if (value === null) {
    await organizations.send(new UntagResourceCommand({ ResourceId: accountId, TagKeys: [key] }));
  } else {
    await organizations.send(
      new TagResourceCommand({ ResourceId: accountId, Tags: [{ Key: key, Value: value }] }),
    );
  }
  const tags = Object.fromEntries(Object.entries(account.tags).filter(([k]) => k !== key));
  const flipped = { ...account, tags: value === null ? tags : { ...tags, [key]: value } };
  tools.state.update(flipped);
  const context = tools.context();
  const raw = tools.random.chance(0.5)
    ? tagChangeOnResourceEvent(context, accountId, flipped.tags, [key])
    : value === null
      ? apiCallEvent(context, 'UntagResource', { resourceId: accountId, tagKeys: [key] })
      : apiCallEvent(context, 'TagResource', { resourceId: accountId, tags: [{ key, value }] });
  const from = account.tags[key] ?? '(none)';
  return tools.single({
    id: context.eventId,
    raw,
    label: `flip tag ${account.name} ${key}: ${from} → ${value ?? '(none)'}`,
  });
}

/** One leg of a move flip: `MoveAccount` in moto, reported by its CloudTrail event. */
export async function moveFlipLeg(
  tools: WorldTools,
  accountId: string,
  destinationId: string,
): Promise<WorldChange> {
  const account = tools.state.account(accountId);
  const sourceParentId = account.parentId;
  const moved = await tools.moveInMoto(account, destinationId);
  const context = tools.context();
  const raw = apiCallEvent(context, 'MoveAccount', {
    accountId,
    sourceParentId,
    destinationParentId: destinationId,
  });
  return tools.single({
    id: context.eventId,
    raw,
    label: `flip move ${moved.name} → ${tools.state.parentName(destinationId)}`,
  });
}
