import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** The npm package that ships a compressed headless Chromium (Linux x64). */
export const SPARTICUZ_PACKAGE = '@sparticuz/chromium';

/** `@sparticuz/chromium` is installed and usable on this platform. */
export interface BundledChromium {
  readonly available: true;
  /** The package's version; the extracted browser is cached per version. */
  readonly version: string;
  /** Extracts the browser once (cached under the temporary directory) and returns its path. */
  executable(): Promise<string>;
}

/** `@sparticuz/chromium` cannot be used here, and why. */
export interface BundledChromiumUnavailable {
  readonly available: false;
  readonly reason: string;
}

/** Where to look for the package and where to extract it. */
export interface BundledChromiumOptions {
  /** @default process.platform */
  readonly platform?: NodeJS.Platform;
  /** @default process.arch */
  readonly arch?: string;
  /** Resolves the package's entry point. @default require.resolve */
  readonly resolve?: (id: string) => string;
  /** Directory that holds the extracted browser. @default os.tmpdir() */
  readonly cacheRoot?: string;
}

/** Imports the ESM package in a child Node process (outside jest's module system) and extracts. */
const EXTRACT_SCRIPT =
  'const m = await import(process.argv[1]); process.stdout.write(await m.default.executablePath());';

/**
 * Finds `@sparticuz/chromium`. Its `executable()` decompresses the browser (about 5 s, 220 MB)
 * into a private staging directory and renames it into place, so concurrent test processes
 * never see a half-written browser; later calls reuse the extracted copy.
 *
 * @example
 * ```ts
 * const bundled = bundledChromium();
 * if (bundled.available) console.log(await bundled.executable());
 * ```
 */
export function bundledChromium(
  options: BundledChromiumOptions = {},
): BundledChromium | BundledChromiumUnavailable {
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  if (platform !== 'linux' || arch !== 'x64') {
    return {
      available: false,
      reason: `${SPARTICUZ_PACKAGE} ships Chromium for Linux x64 only (this is ${platform} ${arch})`,
    };
  }
  let entry: string;
  try {
    entry = (options.resolve ?? require.resolve)(SPARTICUZ_PACKAGE);
  } catch {
    return { available: false, reason: `${SPARTICUZ_PACKAGE} is not installed` };
  }
  const packageJson = join(dirname(entry), '..', 'package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const cacheRoot = options.cacheRoot ?? tmpdir();
  const target = join(cacheRoot, `org-test-browser-chromium-${version}`);
  return {
    available: true,
    version,
    executable: async () => {
      const executable = join(target, 'chromium');
      if (existsSync(executable)) return executable;
      await extractInto(entry, cacheRoot, target);
      return executable;
    },
  };
}

async function extractInto(entry: string, cacheRoot: string, target: string): Promise<void> {
  const staging = mkdtempSync(join(cacheRoot, 'org-test-browser-staging-'));
  try {
    await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', EXTRACT_SCRIPT, pathToFileURL(entry).href],
      { env: { ...process.env, TMPDIR: staging }, maxBuffer: 1024 * 1024 },
    );
    if (!existsSync(join(staging, 'chromium'))) {
      throw new Error(`${SPARTICUZ_PACKAGE} extracted no chromium into ${staging}`);
    }
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another process finished first: its copy is complete (a rename is atomic).
    if (existsSync(join(target, 'chromium'))) return;
    throw error;
  }
}
