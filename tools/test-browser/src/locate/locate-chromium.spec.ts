import { ChromiumNotFoundError } from '../errors';
import { locateChromium, type LocateChromiumOptions } from './locate-chromium';

const bundled = {
  available: true,
  version: '153.0.0',
  executable: () => Promise.resolve('/tmp/extracted/chromium'),
} as const;
const unavailable = { available: false, reason: '@sparticuz/chromium is not installed' } as const;

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

const found = async (options: LocateChromiumOptions) =>
  Promise.all(
    locateChromium({ platform: 'linux', ...options }).map(async (c) => [
      c.source,
      await c.executable(),
    ]),
  );

describe('locateChromium', () => {
  it('uses CHROMIUM_PATH alone when it is set', async () => {
    const options = {
      env: { CHROMIUM_PATH: '/opt/chrome', PATH: '/usr/bin' },
      isExecutable: only('/opt/chrome', '/usr/bin/chromium'),
      bundled,
    };
    expect(await found(options)).toStrictEqual([['CHROMIUM_PATH', '/opt/chrome']]);
  });

  it('fails when CHROMIUM_PATH names no executable, instead of silently using another', () => {
    const options = {
      env: { CHROMIUM_PATH: '/nope' },
      isExecutable: only('/usr/bin/chromium'),
      bundled,
    };
    expect(() => locateChromium(options)).toThrow(
      'No Chromium for the browser tests. Looked at:\n  - CHROMIUM_PATH=/nope is not an executable file\n',
    );
  });

  it('tries system browsers before @sparticuz/chromium', async () => {
    const options = {
      env: { PATH: '/usr/local/bin:/usr/bin' },
      isExecutable: only('/usr/bin/google-chrome', '/usr/local/bin/chromium'),
      bundled,
    };
    expect(await found(options)).toStrictEqual([
      ['system', '/usr/local/bin/chromium'],
      ['system', '/usr/bin/google-chrome'],
      ['@sparticuz/chromium', '/tmp/extracted/chromium'],
    ]);
  });

  it('falls back to @sparticuz/chromium on a machine with no system browser', async () => {
    const options = { env: { PATH: '/usr/bin' }, isExecutable: only(), bundled };
    expect(await found(options)).toStrictEqual([
      ['@sparticuz/chromium', '/tmp/extracted/chromium'],
    ]);
  });

  it('with no browser at all, fails saying what it looked at and how to get one', () => {
    const options = { env: {}, isExecutable: only(), bundled: unavailable };
    const error = captured(() => locateChromium(options));
    expect([error instanceof ChromiumNotFoundError, error.code, error.message]).toStrictEqual([
      true,
      'CHROMIUM_NOT_FOUND',
      [
        'No Chromium for the browser tests. Looked at:',
        '  - CHROMIUM_PATH is not set',
        '  - no system Chromium or Chrome (chromium, chromium-browser, google-chrome on PATH or in the usual places)',
        '  - @sparticuz/chromium is not installed',
        'Browser tests need Chromium. Any one of these works:',
        '  - run `npm install` at the repository root (it installs @sparticuz/chromium, a headless Chromium for Linux x64);',
        '  - install Chromium or Chrome (Debian/Ubuntu: `apt-get install chromium`; macOS: Google Chrome);',
        '  - set CHROMIUM_PATH=/path/to/chromium.',
      ].join('\n'),
    ]);
  });
});

function captured(fn: () => unknown): ChromiumNotFoundError {
  try {
    fn();
  } catch (error) {
    return error as ChromiumNotFoundError;
  }
  throw new Error('expected an error');
}
