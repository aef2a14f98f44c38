import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the README's screenshots of the report live. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'docs');

/** The environment variable that makes the browser test rewrite the README's screenshots. */
export const UPDATE_SCREENSHOTS = 'ORGCTL_UPDATE_SCREENSHOTS';

/**
 * Keeps a screenshot the browser test took: written to `apps/cli/docs/<name>` when
 * `ORGCTL_UPDATE_SCREENSHOTS=1`, otherwise to `scratchDir` (so a plain test run leaves the
 * committed images, and the working tree, untouched). Returns the path written.
 */
export function keepScreenshot(name: string, png: Buffer, scratchDir: string): string {
  const dir = process.env[UPDATE_SCREENSHOTS] === '1' ? SCREENSHOT_DIR : scratchDir;
  const path = join(dir, name);
  writeFileSync(path, png);
  return path;
}

/** `true` when `png` starts with the PNG signature. */
export function isPng(png: Buffer): boolean {
  return png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}

/** A PNG of the element `selector` matches, with `margin` CSS pixels of the page around it. */
export async function elementScreenshot(
  page: Page,
  selector: string,
  margin = 12,
): Promise<Buffer> {
  const box = await page.locator(selector).boundingBox();
  if (box === null) throw new Error(`${selector} is not visible`);
  const x = Math.max(0, box.x - margin);
  const y = Math.max(0, box.y - margin);
  const clip = {
    x,
    y,
    width: box.width + box.x - x + margin,
    height: box.height + box.y - y + margin,
  };
  return page.screenshot({ clip, fullPage: true });
}
