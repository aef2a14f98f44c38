/**
 * DynamoDB Local's files: fetched at test time from the npm package
 * `amplify-dynamodb-simulator` into a git-ignored cache (its licence forbids redistribution,
 * so the jar is never committed), plus the compiled loopback launcher.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EmulatorFetchError, EmulatorMissingError } from '../errors';

/** The npm package that ships `emulator/DynamoDBLocal.jar`. */
export const DYNAMODB_LOCAL_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';

/** Where DynamoDB Local lives once prepared. */
export interface DynamoDbLocalFiles {
  /** Directory holding `DynamoDBLocal.jar` and `DynamoDBLocal_lib/`. */
  readonly emulatorDir: string;
  /** Directory of the compiled `LoopbackDynamoDbLocal` class, or `null` without a JDK. */
  readonly launcherDir: string | null;
}

/**
 * The repository root: the nearest directory above `from` holding `nx.json`.
 *
 * @example
 * ```ts
 * const cache = join(findRepositoryRoot(__dirname), '.emulators');
 * ```
 */
export function findRepositoryRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new EmulatorFetchError(`No nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/**
 * The launcher's Java source, found from the repository root so that it resolves from this file
 * and from a bundle of it elsewhere (`npm run chaos` and `npm start` run esbuild bundles from
 * `tools/<tool>/tmp/`, where a path relative to `__dirname` points nowhere).
 *
 * @example
 * ```ts
 * launcherSource(__dirname); // <repo>/tools/emulators/java/LoopbackDynamoDbLocal.java
 * ```
 */
export function launcherSource(from: string): string {
  return join(findRepositoryRoot(from), 'tools', 'emulators', 'java', 'LoopbackDynamoDbLocal.java');
}

/** The default cache: `<repo>/.emulators` (git-ignored), or `$ORG_EMULATORS_CACHE`. */
export function defaultCacheDir(): string {
  return process.env['ORG_EMULATORS_CACHE'] ?? join(findRepositoryRoot(__dirname), '.emulators');
}

function run(command: string, args: readonly string[], cwd: string, hint: string): string {
  try {
    return execFileSync(command, [...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new EmulatorMissingError(`"${command}" was not found. ${hint}`, { cause: error });
    }
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new EmulatorFetchError(`${command} ${args.join(' ')} failed: ${stderr.trim()}`, {
      cause: error,
    });
  }
}

function fetchEmulator(cacheDir: string, emulatorDir: string): void {
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(cacheDir, 'fetch-'));
  try {
    const packed = run(
      'npm',
      ['pack', DYNAMODB_LOCAL_PACKAGE, '--silent', '--pack-destination', work],
      work,
      'Install Node.js/npm.',
    )
      .trim()
      .split('\n')
      .pop();
    const tarball = join(work, packed ?? '');
    if (!packed || !existsSync(tarball)) {
      throw new EmulatorFetchError(`npm pack ${DYNAMODB_LOCAL_PACKAGE} produced no tarball`);
    }
    run('tar', ['-xzf', tarball, '-C', work, 'package/emulator'], work, 'Install tar.');
    rmSync(emulatorDir, { recursive: true, force: true });
    renameSync(join(work, 'package', 'emulator'), emulatorDir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function compileLauncher(emulatorDir: string, launcherDir: string): string | null {
  if (existsSync(join(launcherDir, 'LoopbackDynamoDbLocal.class'))) return launcherDir;
  const source = launcherSource(__dirname);
  const classPath = [
    join(emulatorDir, 'DynamoDBLocal.jar'),
    join(emulatorDir, 'DynamoDBLocal_lib', '*'),
  ].join(':');
  try {
    execFileSync('javac', ['-nowarn', '-cp', classPath, '-d', launcherDir, source], {
      stdio: 'pipe',
    });
    return launcherDir;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new EmulatorFetchError(`Compiling ${source} failed`, { cause: error });
  }
}

/**
 * Fetches DynamoDB Local into the cache when absent and compiles the loopback launcher (needs
 * `javac`; without it the launcher is `null`). Idempotent and quick once cached.
 *
 * @example
 * ```ts
 * const files = prepareDynamoDbLocal();
 * ```
 */
export function prepareDynamoDbLocal(cacheDir = defaultCacheDir()): DynamoDbLocalFiles {
  const emulatorDir = join(cacheDir, 'dynamodb-local');
  if (
    !existsSync(join(emulatorDir, 'DynamoDBLocal.jar')) ||
    !existsSync(join(emulatorDir, 'DynamoDBLocal_lib'))
  ) {
    fetchEmulator(cacheDir, emulatorDir);
  }
  if (readdirSync(join(emulatorDir, 'DynamoDBLocal_lib')).length === 0) {
    throw new EmulatorFetchError(
      `${emulatorDir}/DynamoDBLocal_lib is empty; delete ${emulatorDir} and retry`,
    );
  }
  return {
    emulatorDir,
    launcherDir: compileLauncher(emulatorDir, join(cacheDir, 'dynamodb-local-launcher')),
  };
}
