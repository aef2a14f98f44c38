/**
 * DynamoDB Local (AWS's own, Java) on a free 127.0.0.1 port, in memory.
 */
import { join } from 'node:path';
import { findFreePort } from '../process/free-port';
import { type ManagedProcess, startProcess, stopProcess } from '../process/managed-process';
import { waitForHttp } from '../process/wait-for-http';
import { defaultCacheDir, prepareDynamoDbLocal } from './dynamodb-local-files';

/** A running DynamoDB Local. */
export interface DynamoDbLocalServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  readonly process: ManagedProcess;
  /** `true` when bound to 127.0.0.1 only (the launcher compiled); else all interfaces. */
  readonly loopbackOnly: boolean;
  /** Stops it by PID and verifies it is gone. */
  stop(): Promise<void>;
}

/** Shown when `java` is missing. */
export const JAVA_INSTALL_HINT =
  'DynamoDB Local needs Java 17+ (e.g. apt-get install openjdk-17-jre-headless).';

/**
 * Starts DynamoDB Local in memory. With a JDK it runs through `LoopbackDynamoDbLocal`, which
 * binds 127.0.0.1 only; with a JRE alone it runs the jar directly (all interfaces, random high
 * port). Telemetry is disabled.
 *
 * @example
 * ```ts
 * const dynamodb = await startDynamoDbLocal();
 * const client = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: 'us-east-1', credentials });
 * ```
 */
export async function startDynamoDbLocal(
  options: { readonly cacheDir?: string; readonly timeoutMs?: number } = {},
): Promise<DynamoDbLocalServer> {
  const files = prepareDynamoDbLocal(options.cacheDir ?? defaultCacheDir());
  const port = await findFreePort();
  const serverArgs = ['-inMemory', '-port', String(port), '-disableTelemetry'];
  const libraryPath = `-Djava.library.path=${join(files.emulatorDir, 'DynamoDBLocal_lib')}`;
  // C1-only JIT and the serial GC halve start-up time; tests are short-lived.
  const jvmOptions = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', libraryPath];
  const args = files.launcherDir
    ? [
        ...jvmOptions,
        '-cp',
        [
          files.launcherDir,
          join(files.emulatorDir, 'DynamoDBLocal.jar'),
          join(files.emulatorDir, 'DynamoDBLocal_lib', '*'),
        ].join(':'),
        'LoopbackDynamoDbLocal',
        ...serverArgs,
      ]
    : [...jvmOptions, '-jar', join(files.emulatorDir, 'DynamoDBLocal.jar'), ...serverArgs];
  const managed = await startProcess({
    name: 'dynamodb-local',
    command: 'java',
    args,
    cwd: files.emulatorDir,
    installHint: JAVA_INSTALL_HINT,
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(managed, endpoint, options.timeoutMs ?? 60_000);
  } catch (error) {
    await stopProcess(managed);
    throw error;
  }
  return {
    endpoint,
    process: managed,
    loopbackOnly: files.launcherDir !== null,
    stop: () => stopProcess(managed),
  };
}
