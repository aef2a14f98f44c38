/**
 * Plays the rounds a flip or a forgery makes: a tag or a move there and back twice (the last two
 * legs, when interleaved, in one round before the worker runs), a rule change and its revert
 * twice, forged messages on the operations queue.
 */
import { forgeMessages, type ForgedMessage } from '../forged/forged-messages';
import { sendForged } from '../forged/forgery-verdict';
import type { SeededRandom } from '../random/seeded-random';
import type { WorldChange } from '../world/chaos-world';
import {
  flipAccount,
  type FlipKind,
  planMoveFlip,
  planRuleFlip,
  planTagFlip,
} from '../world/flips';
import type { ChaosSetup } from './chaos-setup';
import type { RoundRunner } from './round-runner';

/** What one flip did, on the run's clock. */
export interface FlipRecord {
  readonly kind: FlipKind;
  readonly interleaved: boolean;
  /** Product milliseconds from the first leg to the repeat of it (the third leg). */
  readonly repeatAfterMs: number;
  /** Product milliseconds the whole flip took. */
  readonly durationMs: number;
}

type Leg = () => Promise<WorldChange>;

/** How much faster than real time product time runs during a tag or move flip (at most). */
export const FLIP_TIME_SCALE = 10;

/**
 * The same during a rule flip: each `rules apply` reads every account, so its legs take seconds
 * of real time even when they change little.
 */
export const RULE_FLIP_TIME_SCALE = 2;

/** The four legs of a tag or move flip of one account. */
function worldLegs(setup: ChaosSetup, kind: 'tag' | 'move', random: SeededRandom): Leg[] {
  const { world } = setup;
  const account = flipAccount(world.state.members(), random);
  if (kind === 'tag') {
    const flip = planTagFlip(account, random);
    return flip.values.map((value) => () => world.tagFlipLeg(flip.accountId, flip.key, value));
  }
  const flip = planMoveFlip(account, world.state.parents(), random);
  return flip.parentIds.map((parentId) => () => world.moveFlipLeg(flip.accountId, parentId));
}

/**
 * Plays one flip and says how long it took.
 *
 * @example
 * ```ts
 * const record = await playFlip(runner, setup, { flip: 'tag', interleaved: false }, random);
 * record.repeatAfterMs < 300_000; // the repeat came within FIFO's deduplication window
 * ```
 */
export async function playFlip(
  runner: RoundRunner,
  setup: ChaosSetup,
  scheduled: { readonly flip: FlipKind; readonly interleaved: boolean },
  random: SeededRandom,
): Promise<FlipRecord> {
  const { clock } = setup;
  // Legs follow each other within minutes of product time: FIFO's deduplication window.
  const slowest = scheduled.flip === 'rules' ? RULE_FLIP_TIME_SCALE : FLIP_TIME_SCALE;
  const previousScale = clock.setScale(Math.min(clock.scale, slowest));
  const startMs = clock.now();
  let repeatMs: number;
  try {
    if (scheduled.flip === 'rules') {
      const quick = { expireCaches: false };
      const original = runner.currentConfig;
      const changed = planRuleFlip(original, random);
      await runner.ruleChange(changed, quick);
      await runner.ruleChange(original, quick);
      repeatMs = clock.now();
      await runner.ruleChange(changed, quick);
      await runner.ruleChange(original);
    } else {
      const [first, second, third, fourth] = worldLegs(setup, scheduled.flip, random) as [
        Leg,
        Leg,
        Leg,
        Leg,
      ];
      const alone = { interleaved: false, manual: false, events: 0 };
      await runner.changeRound([first], { ...alone, events: 1 });
      await runner.changeRound([second], alone);
      repeatMs = clock.now();
      if (scheduled.interleaved) {
        await runner.changeRound([third, fourth], { ...alone, interleaved: true });
      } else {
        await runner.changeRound([third], alone);
        await runner.changeRound([fourth], alone);
      }
    }
  } finally {
    clock.setScale(previousScale);
  }
  return {
    kind: scheduled.flip,
    interleaved: scheduled.interleaved,
    repeatAfterMs: repeatMs - startMs,
    durationMs: clock.now() - startMs,
  };
}

/**
 * A round of forged messages sent straight to the operations queue; returns them.
 *
 * @example
 * ```ts
 * const forged = await playForgery(runner, setup, 1, random.fork('forged'));
 * ```
 */
export async function playForgery(
  runner: RoundRunner,
  setup: ChaosSetup,
  batch: number,
  random: SeededRandom,
): Promise<ForgedMessage[]> {
  const state = setup.world.state;
  const messages = forgeMessages(state, state.structure(), random, batch);
  await runner.forgedRound(async () => {
    await sendForged(setup.moto.sqs, setup.resources.operationsQueueUrl, setup.fifo, messages);
    return messages.map((message) => message.id);
  });
  return messages;
}
