import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, sandbox-less (containers), and silent: no network, no updates, no sync. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A page opened from a local HTML file, with what it did that it should not have. */
export interface OpenedPage {
  readonly page: Page;
  /** Messages of every `alert`/`confirm`/`prompt` (each dismissed). */
  readonly dialogs: string[];
  /** Uncaught page errors and console errors (CSP violations land here). */
  readonly errors: string[];
  /** Closes the browser and removes the temporary file. */
  close(): Promise<void>;
}

/**
 * Writes `html` to a temporary file and opens it in headless Chromium, recording dialogs and errors.
 *
 * @example
 * ```ts
 * const opened = await openHtml(html);
 * expect(opened.dialogs).toStrictEqual([]);
 * await opened.close();
 * ```
 */
export async function openHtml(html: string): Promise<OpenedPage> {
  const dir = mkdtempSync(join(tmpdir(), 'reliability-report-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(file).href);
    const opened = browser;
    return {
      page,
      dialogs,
      errors,
      close: async () => {
        await opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
