import { systemChromiumCandidates } from './system-candidates';

describe('systemChromiumCandidates', () => {
  it.each([
    [
      'linux: each name on PATH, then the fixed locations, without duplicates',
      '/opt/bin:/usr/bin',
      'linux',
      [
        '/opt/bin/chromium',
        '/usr/bin/chromium',
        '/opt/bin/chromium-browser',
        '/usr/bin/chromium-browser',
        '/opt/bin/google-chrome',
        '/usr/bin/google-chrome',
        '/opt/bin/google-chrome-stable',
        '/usr/bin/google-chrome-stable',
        '/snap/bin/chromium',
      ],
    ],
    [
      'darwin with no PATH: the app bundles',
      undefined,
      'darwin',
      [
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      ],
    ],
    ['relative PATH entries are ignored', 'bin:.', 'win32', []],
  ] as const)('%s', (_name, path, platform, expected) => {
    expect(systemChromiumCandidates(path, platform)).toStrictEqual(expected);
  });
});
