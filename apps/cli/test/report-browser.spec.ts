import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '@org/test-browser';
import type { Browser, Page } from 'playwright-core';
import { EVIL, evilOrg } from './helpers/evil-org';
import { example, run } from './helpers/run';

jest.setTimeout(60_000);

describe('orgctl report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const dialogs: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const result = await run(
      [
        'report',
        '--org',
        'org.yaml',
        '--config',
        example('governance.yaml'),
        '--out',
        'report.html',
      ],
      {
        files: { 'org.yaml': evilOrg() },
      },
    );
    if (result.code !== 0) throw new Error(result.stderr);
    dir = mkdtempSync(join(tmpdir(), 'orgctl-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, result.written.get('report.html') ?? '');
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const visibleAccounts = () =>
    page
      .locator('li.account:visible')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-account-id')));
  const visibleOus = () =>
    page.locator('li.ou:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-ou')));

  it('renders the org tree with every account and the script runs (CSP allows it)', async () => {
    expect(await visibleOus()).toStrictEqual([
      'r-ab12',
      'ou-ab12-33333333',
      'ou-ab12-11111111',
      'ou-ab12-22222222',
    ]);
    expect((await visibleAccounts()).length).toBe(8);
    expect(await page.locator('#count').textContent()).toBe('8 of 8 accounts');
  });

  it('narrows the tree as the user types in the filter box', async () => {
    await page.locator('#filter').fill('payments');
    expect([
      await visibleAccounts(),
      await visibleOus(),
      await page.locator('#count').textContent(),
    ]).toStrictEqual([['222233334444'], ['r-ab12'], '1 of 8 accounts']);
    await page.locator('#filter').fill('scplimitexceeded');
    expect(await visibleAccounts()).toStrictEqual(['999988887777']);
    await page.locator('#filter').fill('Prod');
    expect([await visibleAccounts(), await visibleOus()]).toStrictEqual([
      ['666666666666'],
      ['r-ab12', 'ou-ab12-11111111', 'ou-ab12-22222222'],
    ]);
    await page.locator('#filter').fill('');
    expect((await visibleAccounts()).length).toBe(8);
  });

  it('shows an account named <script>alert(1)</script> as text, and no script of it runs', async () => {
    const name = await page
      .locator('li.account[data-account-id="123456789012"] summary .name')
      .textContent();
    expect([name, dialogs, errors]).toStrictEqual([EVIL, [], []]);
  });

  it('embeds the plan as JSON that parses back to the plan', async () => {
    const text = await page.locator('#plan-data').textContent();
    const planned = await run(
      ['plan', '--org', 'org.yaml', '--config', example('governance.yaml'), '--reconcile'],
      {
        files: { 'org.yaml': evilOrg() },
      },
    );
    expect(JSON.parse(text ?? 'null')).toStrictEqual(JSON.parse(planned.stdout));
  });
});
