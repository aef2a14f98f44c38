/**
 * Emulator endpoints handed from jest global setup to test workers through the environment.
 */
import { EmulatorUsageError } from '../errors';

/** Environment variables holding the endpoints. */
export const ENDPOINT_VARIABLES = {
  moto: 'ORG_EMULATORS_MOTO_ENDPOINT',
  dynamodb: 'ORG_EMULATORS_DYNAMODB_ENDPOINT',
} as const;

/** Which emulator. */
export type EmulatorName = keyof typeof ENDPOINT_VARIABLES;

/**
 * The endpoint of a running emulator, or a clear error when the test runs without the
 * harness's global setup.
 *
 * @example
 * ```ts
 * const motoEndpoint = emulatorEndpoint('moto');
 * ```
 */
export function emulatorEndpoint(name: EmulatorName): string {
  const value = process.env[ENDPOINT_VARIABLES[name]];
  if (!value) {
    throw new EmulatorUsageError(
      `${ENDPOINT_VARIABLES[name]} is not set: run the tests through jest with ` +
        `globalSetup from @org/emulators (e.g. npx nx run aws-adapters:test)`,
    );
  }
  return value;
}
