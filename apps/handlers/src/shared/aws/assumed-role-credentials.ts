/**
 * Credentials of a role the function assumes (the Identity Center delegated administrator role,
 * `SSO_ROLE_ARN`), refreshed before they expire.
 */
import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { AssumeRoleError } from '../errors';

/** Credentials expiring within five minutes are refreshed (as the SDK's own providers do). */
export const CREDENTIALS_REFRESH_WINDOW_MS = 300_000;

/** An IAM role session name: at most 64 of `[\w+=,.@-]`. */
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** Options of {@link assumedRoleCredentials}. */
export interface AssumedRoleOptions {
  /** The role to assume. */
  readonly roleArn: string;
  /** Who assumes it, as CloudTrail shows it (`org-governance-<function>`). */
  readonly sessionName: string;
  /** The STS client, with the function's own credentials. */
  readonly sts: STSClient;
  /** Requested session length. @default 3600 */
  readonly durationSeconds?: number;
  /** Epoch milliseconds. @default Date.now */
  readonly now?: () => number;
}

/**
 * The session name of a function: `org-governance-<function>`, cut to the 64 characters STS
 * accepts, anything else than `[\w+=,.@-]` replaced by `-`.
 *
 * @example
 * ```ts
 * roleSessionName('operations-worker'); // 'org-governance-operations-worker'
 * ```
 */
export function roleSessionName(functionName: string): string {
  return `org-governance-${functionName}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}

/**
 * A credential provider for SDK clients: `sts:AssumeRole` on first use, the same credentials
 * until less than five minutes remain, then a new `AssumeRole` (concurrent callers share one
 * call).
 *
 * @throws {AssumeRoleError} (retryable) when STS answers without complete credentials.
 * @example
 * ```ts
 * const credentials = assumedRoleCredentials({ roleArn, sessionName: roleSessionName('reconciler'), sts });
 * const ssoAdmin = new SSOAdminClient({ region, credentials });
 * ```
 */
export function assumedRoleCredentials(options: AssumedRoleOptions): AwsCredentialIdentityProvider {
  if (!SESSION_NAME.test(options.sessionName)) {
    throw new AssumeRoleError(options.roleArn, `cannot use session name "${options.sessionName}"`);
  }
  const now = options.now ?? Date.now;
  let current: AwsCredentialIdentity | null = null;
  let pending: Promise<AwsCredentialIdentity> | null = null;

  const assume = async (): Promise<AwsCredentialIdentity> => {
    const { Credentials } = await options.sts.send(
      new AssumeRoleCommand({
        RoleArn: options.roleArn,
        RoleSessionName: options.sessionName,
        DurationSeconds: options.durationSeconds ?? 3600,
      }),
    );
    const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = Credentials ?? {};
    if (!AccessKeyId || !SecretAccessKey || !SessionToken || Expiration === undefined) {
      throw new AssumeRoleError(options.roleArn, 'returned no complete credentials');
    }
    current = {
      accessKeyId: AccessKeyId,
      secretAccessKey: SecretAccessKey,
      sessionToken: SessionToken,
      expiration: Expiration,
    };
    return current;
  };

  return async () => {
    const fresh =
      current?.expiration !== undefined &&
      current.expiration.getTime() - now() > CREDENTIALS_REFRESH_WINDOW_MS;
    if (fresh && current !== null) return current;
    pending ??= assume().finally(() => {
      pending = null;
    });
    return pending;
  };
}
