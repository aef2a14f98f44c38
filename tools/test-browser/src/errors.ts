/** What a user can do to give the browser tests a Chromium. */
export const CHROMIUM_INSTALL_HINT = [
  'Browser tests need Chromium. Any one of these works:',
  '  - run `npm install` at the repository root (it installs @sparticuz/chromium, a headless Chromium for Linux x64);',
  '  - install Chromium or Chrome (Debian/Ubuntu: `apt-get install chromium`; macOS: Google Chrome);',
  '  - set CHROMIUM_PATH=/path/to/chromium.',
].join('\n');

/** Base class of the errors of `@org/test-browser`; `code` is stable, `name` is the class name. */
export abstract class TestBrowserError extends Error {
  /** Stable error code. */
  abstract readonly code: string;

  /**
   * @param summary - what went wrong, followed by `lines` (one bullet each) and how to get a Chromium
   * @param lines - what was tried, one line each
   * @param options - the underlying error
   */
  protected constructor(summary: string, lines: readonly string[], options?: ErrorOptions) {
    super(
      `${summary}\n${lines.map((line) => `  - ${line}`).join('\n')}\n${CHROMIUM_INSTALL_HINT}`,
      options,
    );
    this.name = new.target.name;
  }
}

/** No Chromium was found anywhere: `CHROMIUM_PATH`, the system, or `@sparticuz/chromium`. */
export class ChromiumNotFoundError extends TestBrowserError {
  /** @inheritdoc */
  readonly code = 'CHROMIUM_NOT_FOUND';

  /**
   * @param tried - what was looked at, one line each
   * @param options - the underlying error, if a candidate failed rather than being absent
   */
  constructor(
    readonly tried: readonly string[],
    options?: ErrorOptions,
  ) {
    super('No Chromium for the browser tests. Looked at:', tried, options);
  }
}

/** Every Chromium that was found failed to start. */
export class ChromiumLaunchError extends TestBrowserError {
  /** @inheritdoc */
  readonly code = 'CHROMIUM_LAUNCH_FAILED';

  /**
   * @param failures - one line per Chromium tried: where it came from, its path, why it failed
   * @param options - the last launch error
   */
  constructor(
    readonly failures: readonly string[],
    options?: ErrorOptions,
  ) {
    super('No Chromium for the browser tests started:', failures, options);
  }
}
