import type { Browser, LaunchOptions } from 'playwright-core';
import { ChromiumLaunchError } from '../errors';
import { chromiumArgs, launchChromium } from './launch-chromium';

const bundled = {
  available: true,
  version: '153.0.0',
  executable: () => Promise.resolve('/tmp/extracted/chromium'),
} as const;

describe('chromiumArgs', () => {
  it.each([
    [true, ['--no-sandbox']],
    [false, []],
  ])('as root=%s adds %j to the silent headless flags', (isRoot, extra) => {
    expect(chromiumArgs(isRoot)).toStrictEqual([
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extra,
    ]);
  });
});

describe('launchChromium with a recorded launcher', () => {
  const fakeBrowser = { version: () => 'fake' } as unknown as Browser;

  it('moves on to the next browser when one does not start', async () => {
    const launched: (string | undefined)[] = [];
    const launch = (options: LaunchOptions) => {
      launched.push(options.executablePath);
      return options.executablePath === '/usr/bin/chromium'
        ? Promise.reject(new Error('snap stub: chromium is not installed\nmore'))
        : Promise.resolve(fakeBrowser);
    };
    const browser = await launchChromium({
      env: { PATH: '/usr/bin' },
      platform: 'linux',
      isExecutable: (path) => path === '/usr/bin/chromium',
      bundled,
      launch,
    });
    expect([browser, launched]).toStrictEqual([
      fakeBrowser,
      ['/usr/bin/chromium', '/tmp/extracted/chromium'],
    ]);
  });

  it('fails listing every browser that did not start, and how to get one', async () => {
    const launch = () => Promise.reject(new Error('exit code 127'));
    const launching = launchChromium({
      env: { CHROMIUM_PATH: '/opt/chrome' },
      isExecutable: () => true,
      launch,
    });
    await expect(launching).rejects.toThrow(ChromiumLaunchError);
    await expect(launching).rejects.toThrow(
      'No Chromium for the browser tests started:\n  - CHROMIUM_PATH (/opt/chrome): exit code 127\nBrowser tests need Chromium.',
    );
  });
});
