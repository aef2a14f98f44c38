import type { ReadProgress } from '@org/governance-runtime';
import type { TextSink } from '../io/cli-io';

/** Width of the bar, in characters. */
const BAR_WIDTH = 30;

/** A progress display: update it as work is done, end it once. */
export interface ProgressLine {
  update(progress: ReadProgress): void;
  end(): void;
}

/**
 * A one-line progress bar redrawn in place (`\r`) on `sink` — only when the sink is a terminal;
 * otherwise nothing is written (pipes and log files stay clean). Redraws at most once per
 * percent, so 50,000 accounts do not mean 50,000 writes.
 *
 * @example
 * ```ts
 * const bar = progressLine(io.stderr, 'reading accounts');
 * await readFullSnapshot(config, readers, { onProgress: (p) => bar.update(p) });
 * bar.end();
 * ```
 */
export function progressLine(sink: TextSink, label: string): ProgressLine {
  if (!sink.isTTY) return { update: () => undefined, end: () => undefined };
  let shownPercent = -1;
  let drawn = false;
  return {
    update({ done, total }) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percent === shownPercent) return;
      shownPercent = percent;
      const filled = Math.round((percent / 100) * BAR_WIDTH);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`;
      sink.write(`\r${label} [${bar}] ${String(percent).padStart(3)}% ${done}/${total}`);
      drawn = true;
    },
    end() {
      if (drawn) sink.write('\n');
      drawn = false;
    },
  };
}
