import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { bundledChromium } from '../bundled/sparticuz-chromium';
import { launchChromium } from './launch-chromium';

jest.setTimeout(120_000);

const PAGE =
  '<p id="x">static</p><script>document.getElementById("x").textContent = "ran";</script>';

async function scriptRan(browser: Browser): Promise<string | null> {
  try {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    return await page.locator('#x').textContent();
  } finally {
    await browser.close();
  }
}

describe('a real headless Chromium', () => {
  it('starts the first browser found on this machine and runs a page script', async () => {
    expect(await scriptRan(await launchChromium())).toBe('ran');
  });

  it('starts @sparticuz/chromium when the machine has no browser (the fresh-machine case)', async () => {
    const browser = await launchChromium({ env: {}, isExecutable: () => false });
    expect(await scriptRan(browser)).toBe('ran');
  });

  it('extracts @sparticuz/chromium once for concurrent callers, leaving no staging directory', async () => {
    const cacheRoot = mkdtempSync(join(tmpdir(), 'test-browser-cache-'));
    try {
      const bundled = bundledChromium({ cacheRoot });
      if (!bundled.available) throw new Error(bundled.reason);
      const paths = await Promise.all([bundled.executable(), bundled.executable()]);
      expect([paths, readdirSync(cacheRoot)]).toStrictEqual([
        [
          join(cacheRoot, `org-test-browser-chromium-${bundled.version}`, 'chromium'),
          join(cacheRoot, `org-test-browser-chromium-${bundled.version}`, 'chromium'),
        ],
        [`org-test-browser-chromium-${bundled.version}`],
      ]);
    } finally {
      rmSync(cacheRoot, { recursive: true, force: true });
    }
  });
});
