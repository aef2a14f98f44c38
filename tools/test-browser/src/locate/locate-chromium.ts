import { accessSync, constants, statSync } from 'node:fs';
import {
  bundledChromium,
  SPARTICUZ_PACKAGE,
  type BundledChromium,
  type BundledChromiumUnavailable,
} from '../bundled/sparticuz-chromium';
import { ChromiumNotFoundError } from '../errors';
import { systemChromiumCandidates } from './system-candidates';

/** Where a Chromium came from. */
export type ChromiumSource = 'CHROMIUM_PATH' | 'system' | typeof SPARTICUZ_PACKAGE;

/** A Chromium that can be tried. */
export interface ChromiumCandidate {
  readonly source: ChromiumSource;
  /** Its path, or the package it is extracted from. */
  readonly label: string;
  /** The executable's path (the bundled one is extracted on first use). */
  executable(): Promise<string>;
}

/** What the search looks at; every field defaults to this process and machine. */
export interface LocateChromiumOptions {
  /** Environment holding `CHROMIUM_PATH` and `PATH`. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default process.platform */
  readonly platform?: NodeJS.Platform;
  /** Whether a path is an executable file. @default a check of the file system */
  readonly isExecutable?: (path: string) => boolean;
  /** The npm-bundled Chromium. @default bundledChromium() */
  readonly bundled?: BundledChromium | BundledChromiumUnavailable;
}

/** True when `path` is a regular file this process may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const fixed = (source: ChromiumSource, path: string): ChromiumCandidate => ({
  source,
  label: path,
  executable: () => Promise.resolve(path),
});

/**
 * The Chromiums to try, in order: `CHROMIUM_PATH` alone when it is set (an explicit choice
 * is never second-guessed), else every system Chromium/Chrome found, then `@sparticuz/chromium`.
 *
 * @throws {@link ChromiumNotFoundError} when there is none, saying what was looked at and how
 *   to get one.
 * @example
 * ```ts
 * const [first] = locateChromium();
 * const path = await first.executable();
 * ```
 */
export function locateChromium(options: LocateChromiumOptions = {}): ChromiumCandidate[] {
  const env = options.env ?? process.env;
  const isExecutable = options.isExecutable ?? isExecutableFile;
  const explicit = env['CHROMIUM_PATH'];
  if (explicit !== undefined && explicit !== '') {
    if (isExecutable(explicit)) return [fixed('CHROMIUM_PATH', explicit)];
    throw new ChromiumNotFoundError([`CHROMIUM_PATH=${explicit} is not an executable file`]);
  }
  const system = systemChromiumCandidates(env['PATH'], options.platform ?? process.platform)
    .filter(isExecutable)
    .map((path) => fixed('system', path));
  const bundled = options.bundled ?? bundledChromium();
  const fromPackage: ChromiumCandidate[] = bundled.available
    ? [{ source: SPARTICUZ_PACKAGE, label: SPARTICUZ_PACKAGE, executable: bundled.executable }]
    : [];
  const candidates = [...system, ...fromPackage];
  if (candidates.length > 0) return candidates;
  throw new ChromiumNotFoundError([
    'CHROMIUM_PATH is not set',
    'no system Chromium or Chrome (chromium, chromium-browser, google-chrome on PATH or in the usual places)',
    bundled.available ? SPARTICUZ_PACKAGE : bundled.reason,
  ]);
}
