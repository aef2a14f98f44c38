import { delimiter, join } from 'node:path';

/** Executable names of Chromium and Chrome on Linux, looked up on `PATH`. */
export const SYSTEM_CHROMIUM_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
] as const;

/** Fixed install locations looked at after `PATH`, per platform. */
const FIXED_LOCATIONS: Readonly<Record<string, readonly string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
};

/**
 * Paths where a system Chromium or Chrome may be, in the order they are tried: each `PATH`
 * directory for each name of {@link SYSTEM_CHROMIUM_NAMES}, then the platform's fixed locations.
 * Duplicates are dropped.
 *
 * @example
 * ```ts
 * systemChromiumCandidates('/usr/local/bin:/usr/bin', 'linux')[0]; // '/usr/local/bin/chromium'
 * ```
 */
export function systemChromiumCandidates(
  pathVariable: string | undefined,
  platform: NodeJS.Platform,
): string[] {
  const dirs = (pathVariable ?? '').split(delimiter).filter((dir) => dir.startsWith('/'));
  const onPath = SYSTEM_CHROMIUM_NAMES.flatMap((name) => dirs.map((dir) => join(dir, name)));
  return [...new Set([...onPath, ...(FIXED_LOCATIONS[platform] ?? [])])];
}
