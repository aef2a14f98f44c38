/**
 * The signing secrets in one Secrets Manager value: a plain string, or during a hand-made
 * rotation the JSON `{"current": "…", "previous": "…"}`.
 */
import { UnexpectedResponseError } from '../errors';

/** The JSON form of a secret value holding two signing secrets. */
export interface RotatingSecretValue {
  /** Signs every delivery (first `v1=`). */
  readonly current: string;
  /** Also signs while receivers move to `current` (second `v1=`); remove it when they have. */
  readonly previous?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The secrets a value holds, the one to sign with first: `["<value>"]` for a plain string,
 * `[current, previous]` for the JSON form (`previous` omitted when absent, empty or equal).
 * Error messages name the secret, never its value.
 *
 * @throws {UnexpectedResponseError} for a JSON object without a non-empty string `current`, or
 *   with a `previous` that is not a string.
 * @example
 * ```ts
 * signingSecretsOf('s3cr3t'); // ['s3cr3t']
 * signingSecretsOf('{"current":"new","previous":"old"}'); // ['new', 'old']
 * ```
 */
export function signingSecretsOf(value: string, secretArn = 'the secret'): readonly string[] {
  let parsed: unknown;
  try {
    parsed = value.trimStart().startsWith('{') ? JSON.parse(value) : undefined;
  } catch {
    parsed = undefined; // not JSON: a plain secret that happens to start with "{"
  }
  if (!isObject(parsed)) return [value];
  const { current, previous } = parsed;
  const problem =
    typeof current !== 'string' || current === ''
      ? 'has no non-empty string "current"'
      : previous !== undefined && typeof previous !== 'string'
        ? 'has a "previous" that is not a string'
        : null;
  if (problem !== null || typeof current !== 'string') {
    throw new UnexpectedResponseError(
      `Webhook secret ${secretArn} is a JSON object but ${problem ?? 'is not usable'}: ` +
        'expected {"current": "...", "previous": "..."} or a plain string',
      { context: { operation: 'GetSecretValue' } },
    );
  }
  return typeof previous === 'string' && previous !== '' && previous !== current
    ? [current, previous]
    : [current];
}
