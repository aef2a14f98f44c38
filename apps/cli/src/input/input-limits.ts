/** One mebibyte, in bytes. */
export const MIB = 1024 * 1024;

/**
 * The largest file each input option reads, in bytes (checked before reading, so a huge or
 * endless file never fills memory):
 *
 * - `--config`: 1 MiB — a governance configuration of thousands of rules is far smaller;
 * - `--org`: 400 MiB — a snapshot of 50,000 accounts with tags, attachments and ~19
 *   assignments each is about 190 MiB of JSON; V8 cannot hold a string over 512 MiB anyway;
 * - `--event`: 8 MiB — the event parser itself refuses more than EventBridge's 1 MiB of compact
 *   JSON with a precise message; the file limit leaves room for pretty-printed events and only
 *   bounds what is read.
 *
 * @example
 * ```ts
 * INPUT_LIMITS['--config']; // 1048576
 * ```
 */
export const INPUT_LIMITS: Readonly<Record<string, number>> = {
  '--config': MIB,
  '--org': 400 * MIB,
  '--event': 8 * MIB,
};

/** `bytes` for people: `1 MiB`, `2.5 MiB`, `512 KiB`, `12 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= MIB) return `${Number((bytes / MIB).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}
