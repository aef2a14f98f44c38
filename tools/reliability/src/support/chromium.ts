import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '@org/test-browser';
import type { Browser, Page } from 'playwright-core';

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
 * Writes `html` to a temporary file and opens it in headless Chromium (`CHROMIUM_PATH`, a system
 * Chromium, else `@sparticuz/chromium`; see `@org/test-browser`), recording dialogs and errors.
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
