/**
 * `@org/test-browser`: a headless Chromium for browser tests, found in this order:
 * `CHROMIUM_PATH`, a system Chromium/Chrome, then the npm package `@sparticuz/chromium`.
 * With none, the test fails with a message saying how to get one (it is never skipped).
 *
 * @example
 * ```ts
 * import { launchChromium } from '@org/test-browser';
 * const browser = await launchChromium();
 * ```
 */
export * from './errors';
export { launchChromium, chromiumArgs, CHROMIUM_ARGS } from './launch/launch-chromium';
export type { LaunchChromiumOptions } from './launch/launch-chromium';
export { openHtml, type OpenedPage, type OpenHtmlOptions } from './open/open-html';
export {
  locateChromium,
  isExecutableFile,
  type ChromiumCandidate,
  type ChromiumSource,
  type LocateChromiumOptions,
} from './locate/locate-chromium';
export { systemChromiumCandidates, SYSTEM_CHROMIUM_NAMES } from './locate/system-candidates';
export {
  bundledChromium,
  SPARTICUZ_PACKAGE,
  type BundledChromium,
  type BundledChromiumOptions,
  type BundledChromiumUnavailable,
} from './bundled/sparticuz-chromium';
