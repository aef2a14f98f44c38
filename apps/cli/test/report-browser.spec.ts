import { openHtml, type OpenedPage } from '@org/test-browser';
import { EVIL, evilGovernance, evilOrg } from './helpers/evil-org';
import { elementScreenshot, isPng, keepScreenshot } from './helpers/screenshots';
import { EXAMPLE_INPUTS, run } from './helpers/run';

jest.setTimeout(60_000);

describe('orgctl report in headless Chromium', () => {
  let opened: OpenedPage;
  let page: OpenedPage['page'];
  let dialogs: string[] = [];
  let errors: string[] = [];

  beforeAll(async () => {
    const result = await run(
      ['report', '--org', 'org.yaml', '--config', 'governance.yaml', '--out', 'report.html'],
      {
        files: { 'org.yaml': evilOrg(), 'governance.yaml': evilGovernance() },
      },
    );
    if (result.code !== 0) throw new Error(result.stderr);
    const plain = await run(['report', ...EXAMPLE_INPUTS, '--out', 'example.html']);
    opened = await openHtml(result.written.get('report.html') ?? '', {
      prefix: 'orgctl-report-',
      files: { 'example.html': plain.written.get('example.html') ?? '' },
    });
    ({ page, dialogs, errors } = opened);
  });

  afterAll(async () => {
    await opened?.close();
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
      ['plan', '--org', 'org.yaml', '--config', 'governance.yaml', '--reconcile'],
      {
        files: { 'org.yaml': evilOrg(), 'governance.yaml': evilGovernance() },
      },
    );
    expect(JSON.parse(text ?? 'null')).toStrictEqual(JSON.parse(planned.stdout));
  });

  /** The visible rows of one access view, each as its cells' text joined by ` | `. */
  const accessRows = async (view: 'principal' | 'account') => {
    const rows = await page.locator(`#by-${view} tr.grant:visible`).all();
    return Promise.all(
      rows.map(async (row) =>
        (await row.locator('td').allTextContents()).map((t) => t.trim()).join(' | '),
      ),
    );
  };

  it('renders the access view: every grant under its principal and under its account', async () => {
    const byPrincipal = await accessRows('principal');
    const groups = await page
      .locator('#by-principal details.group:visible > summary')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));
    expect([
      byPrincipal.length,
      (await accessRows('account')).length,
      await page.locator('#access-count').textContent(),
      groups,
    ]).toStrictEqual([
      7,
      7,
      '7 of 7 grants',
      [
        'GROUP Auditors → ReadOnly 4 accounts',
        'GROUP Developers → PowerUser 1 account',
        'GROUP ProdOperators → AdministratorAccess 1 account',
        `USER ${EVIL} → ReadOnly 1 account`,
      ],
    ]);
    expect(byPrincipal[0]).toBe(
      'data-prod 666666666666 | assigned | auditors-readonly prod-auditors',
    );
  });

  it('narrows the access rows as the user types in its filter box', async () => {
    const filter = page.locator('#access-filter');
    await filter.fill('data-prod');
    expect([
      await accessRows('principal'),
      await accessRows('account'),
      await page.locator('#access-count').textContent(),
    ]).toStrictEqual([
      [
        'data-prod 666666666666 | assigned | auditors-readonly prod-auditors',
        'data-prod 666666666666 | to create | prod-operators',
      ],
      [
        'GROUP Auditors | ReadOnly | assigned | auditors-readonly prod-auditors',
        'GROUP ProdOperators | AdministratorAccess | to create | prod-operators',
      ],
      '2 of 7 grants',
    ]);
    await filter.fill('DEV-developers');
    expect([
      (await accessRows('principal')).length,
      (await accessRows('account')).length,
    ]).toStrictEqual([1, 1]);
    await filter.fill('no such thing');
    expect([
      await accessRows('principal'),
      await page.locator('#access details.group:visible').count(),
    ]).toStrictEqual([[], 0]);
    await filter.fill('');
    expect((await accessRows('account')).length).toBe(7);
  });

  it('shows a principal named <script>alert(1)</script> as text, and no script of it runs', async () => {
    const names = await page
      .locator('#access .name')
      .evaluateAll((els) => els.map((e) => e.textContent).filter((t) => t?.includes('script')));
    expect([names, dialogs, errors]).toStrictEqual([[EVIL, EVIL, EVIL], [], []]);
  });

  it('takes the README screenshots of the example report: the tree and the access view', async () => {
    const shot = await opened.browser.newPage({ viewport: { width: 1000, height: 800 } });
    await shot.goto(opened.urlOf('example.html'));
    await shot.locator('li.account[data-account-id="666666666666"] > details > summary').click();
    const tree = await elementScreenshot(shot, '#tree');
    const access = await elementScreenshot(shot, '#access');
    await shot.close();
    keepScreenshot('report-tree.png', tree, opened.dir);
    keepScreenshot('report-access.png', access, opened.dir);
    expect([tree, access].map((png) => [isPng(png), png.length < 300_000])).toStrictEqual([
      [true, true],
      [true, true],
    ]);
  });
});
