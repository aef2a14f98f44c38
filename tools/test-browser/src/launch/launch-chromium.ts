import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { ChromiumLaunchError } from '../errors';
import { locateChromium, type LocateChromiumOptions } from '../locate/locate-chromium';

/**
 * Headless and silent: no GPU, no QUIC, no first-run, no background networking, no component
 * updates, no sync — the browser talks to nothing but the page it opened.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The launch flags: {@link CHROMIUM_ARGS}, plus `--no-sandbox` when running as root (Chromium
 * refuses to start sandboxed as root, as in containers and CI).
 *
 * @example
 * ```ts
 * chromiumArgs(true).includes('--no-sandbox'); // true
 * ```
 */
export function chromiumArgs(isRoot: boolean = process.getuid?.() === 0): string[] {
  return isRoot ? [...CHROMIUM_ARGS, '--no-sandbox'] : [...CHROMIUM_ARGS];
}

/** Where to look for Chromium, and how to start it. */
export interface LaunchChromiumOptions extends LocateChromiumOptions {
  /** Starts the browser. @default playwright-core's `chromium.launch` */
  readonly launch?: (options: LaunchOptions) => Promise<Browser>;
}

/**
 * Starts a headless Chromium for a browser test: the first of `CHROMIUM_PATH`, a system
 * Chromium/Chrome, then `@sparticuz/chromium` (see {@link locateChromium}) that starts. Never
 * skips: with no usable browser it throws an error saying what was tried and how to get one.
 *
 * @example
 * ```ts
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 * await page.goto(pathToFileURL(file).href);
 * await browser.close();
 * ```
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const launch = options.launch ?? ((o: LaunchOptions) => chromium.launch(o));
  const failures: string[] = [];
  let lastError: unknown;
  for (const candidate of locateChromium(options)) {
    try {
      const executablePath = await candidate.executable();
      return await launch({ executablePath, args: chromiumArgs(), headless: true });
    } catch (error) {
      lastError = error;
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      failures.push(`${candidate.source} (${candidate.label}): ${reason}`);
    }
  }
  throw new ChromiumLaunchError(failures, { cause: lastError });
}
