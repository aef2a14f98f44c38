/**
 * The deployed pause switch: one item in the provisioned-state table, set by `orgctl pause` and
 * `orgctl resume`. While paused, planners plan and audit without enqueuing and the worker leaves
 * messages on the queue.
 */

/** The switch as stored. */
export interface PauseState {
  readonly paused: boolean;
  /** ISO 8601 time of the last change. `null`: never set. */
  readonly changedAt: string | null;
  /** Who changed it last (the caller's ARN or a name). `null`: never set or unknown. */
  readonly changedBy: string | null;
  /** Why, as given to `orgctl pause --reason`. */
  readonly reason: string | null;
}

/** The state of a switch nobody set: running. */
export const NOT_PAUSED: PauseState = {
  paused: false,
  changedAt: null,
  changedBy: null,
  reason: null,
};

/**
 * Reads and sets the pause switch.
 *
 * @example
 * ```ts
 * if ((await pauseSwitch.read()).paused) return; // plan and audit only
 * await pauseSwitch.set({ paused: true, changedAt: now, changedBy: 'alice', reason: 'bad rules' });
 * ```
 */
export interface PauseSwitch {
  /** The current state ({@link NOT_PAUSED} when the item does not exist). */
  read(): Promise<PauseState>;
  /** Stores a new state. */
  set(state: PauseState): Promise<void>;
}
