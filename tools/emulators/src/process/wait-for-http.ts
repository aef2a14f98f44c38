/**
 * Readiness: poll an HTTP endpoint until it answers.
 */
import { EmulatorStartError } from '../errors';
import type { ManagedProcess } from './managed-process';

/**
 * Resolves once `url` answers any HTTP response; rejects with the process output when the
 * process exits first or `timeoutMs` passes.
 *
 * @example
 * ```ts
 * await waitForHttp(moto, 'http://127.0.0.1:5000/moto-api/', 30_000);
 * ```
 */
export async function waitForHttp(
  managed: ManagedProcess,
  url: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!managed.isRunning()) {
      throw new EmulatorStartError(
        `${managed.name} exited before it was ready. Output:\n${managed.output()}`,
      );
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      if (Date.now() > deadline) {
        throw new EmulatorStartError(
          `${managed.name} did not answer on ${url} within ${timeoutMs} ms. Output:\n${managed.output()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
