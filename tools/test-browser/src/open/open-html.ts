import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../launch/launch-chromium';

/** A page opened from a local HTML file, with what it did that it should not have. */
export interface OpenedPage {
  /** The browser the page runs in (open more pages with it). */
  readonly browser: Browser;
  readonly page: Page;
  /** The temporary folder holding the page and the `files` written next to it. */
  readonly dir: string;
  /** Messages of every `alert`/`confirm`/`prompt` (each dismissed). */
  readonly dialogs: string[];
  /** Uncaught page errors and console errors (CSP violations land here). */
  readonly errors: string[];
  /** The `file://` URL of a file in {@link OpenedPage.dir}. */
  urlOf(name: string): string;
  /** Closes the browser and removes the temporary folder. */
  close(): Promise<void>;
}

/** Options of {@link openHtml}. */
export interface OpenHtmlOptions {
  /** Other files to write next to the page, by name. @default none */
  readonly files?: Readonly<Record<string, string>>;
  /** Prefix of the temporary folder's name. @default 'test-browser-' */
  readonly prefix?: string;
}

/**
 * Writes `html` to a temporary file and opens it in headless Chromium (see {@link launchChromium}),
 * recording every dialog (dismissed) and every page or console error, so a test can assert that a
 * hostile document ran no script it should not have.
 *
 * @example
 * ```ts
 * const opened = await openHtml(html);
 * expect([opened.dialogs, opened.errors]).toStrictEqual([[], []]);
 * await opened.close();
 * ```
 */
export async function openHtml(html: string, options: OpenHtmlOptions = {}): Promise<OpenedPage> {
  const dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'test-browser-'));
  const urlOf = (name: string) => pathToFileURL(join(dir, name)).href;
  writeFileSync(join(dir, 'index.html'), html);
  for (const [name, text] of Object.entries(options.files ?? {}))
    writeFileSync(join(dir, name), text);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
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
    await page.goto(urlOf('index.html'));
    const opened = browser;
    return {
      browser: opened,
      page,
      dir,
      dialogs,
      errors,
      urlOf,
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
