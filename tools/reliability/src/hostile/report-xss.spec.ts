import { runOrgctl } from '../support/cli-harness';
import { openHtml, type OpenedPage } from '@org/test-browser';
import { exampleDocument } from '../support/examples';
import { hostileIds, hostileOrg, permissionSetName } from '../support/hostile-org';
import { MARKUP_PAYLOADS } from './payloads';

jest.setTimeout(90_000);

const files = {
  'org.json': JSON.stringify(hostileOrg(MARKUP_PAYLOADS)),
  'governance.yaml': exampleDocument('governance.yaml').text,
};

describe('orgctl report with names that are markup, in headless Chromium', () => {
  let opened: OpenedPage;

  beforeAll(async () => {
    const args = ['report', '--org', 'org.json', '--config', 'governance.yaml', '--out', 'r.html'];
    const result = await runOrgctl(args, { files });
    if (result.code !== 0) throw new Error(`orgctl report failed: ${result.stderr}`);
    opened = await openHtml(result.written.get('r.html') ?? '');
  });

  afterAll(async () => {
    await opened?.close();
  });

  it('runs no script of the data: no dialog, no error, no injected element or handler', async () => {
    const injected = await opened.page.evaluate(() => ({
      elements: document.querySelectorAll('img, svg, iframe, object, embed').length,
      scripts: document.querySelectorAll('script').length,
      handlers: [...document.querySelectorAll('*')].flatMap((el) =>
        el.getAttributeNames().filter((name) => name.startsWith('on')),
      ),
      links: [...document.querySelectorAll('a[href^="javascript"]')].length,
    }));
    expect({ dialogs: opened.dialogs, errors: opened.errors, injected }).toStrictEqual({
      dialogs: [],
      errors: [],
      injected: { elements: 0, scripts: 2, handlers: [], links: 0 },
    });
  });

  it.each(MARKUP_PAYLOADS.map((payload, i) => [payload, i] as const))(
    'shows %j verbatim as account, OU, tag, SCP, permission set and group name',
    async (payload, i) => {
      const ids = hostileIds(i);
      const account = opened.page.locator(`li.account[data-account-id="${ids.account}"]`);
      const shown = {
        account: await account.locator('summary .name').textContent(),
        ou: await opened.page
          .locator(`li.ou[data-ou="${ids.ou}"] > details > summary`)
          .textContent(),
        tag: await account.locator('.body p code').first().textContent(),
        body: await account.locator('.body').textContent(),
      };
      expect({
        account: shown.account,
        ou: shown.ou,
        tag: shown.tag,
        scp: shown.body?.includes(`SCP ${payload}`),
        permissionSet: shown.body?.includes(permissionSetName(payload)),
        group: shown.body?.includes(`Group ${payload}`),
      }).toStrictEqual({
        account: payload,
        ou: `OU ${payload} ${ids.ou}`,
        tag: `k${i}${payload}=v${payload}`,
        scp: true,
        permissionSet: true,
        group: true,
      });
    },
  );

  it('embeds the plan as JSON that parses back to the same plan as `orgctl plan --reconcile`', async () => {
    const embedded = await opened.page.locator('#plan-data').textContent();
    const args = [
      'plan',
      '--org',
      'org.json',
      '--config',
      'governance.yaml',
      '--reconcile',
      '--format',
      'json',
    ];
    const planned = await runOrgctl(args, { files });
    expect(JSON.parse(embedded ?? 'null')).toStrictEqual(JSON.parse(planned.stdout));
  });

  it('filters on a markup query without running it', async () => {
    const payload = MARKUP_PAYLOADS[0] ?? '';
    await opened.page.locator('#filter').fill(payload);
    const visible = await opened.page
      .locator('li.account:visible')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-account-id')));
    expect({ visible, dialogs: opened.dialogs }).toStrictEqual({
      visible: [hostileIds(0).account],
      dialogs: [],
    });
  });
});
