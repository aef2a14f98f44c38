/**
 * Makes this process's AWS SDK clients use the emulator's test credentials through the default
 * credential chain: static keys in the environment, no profile (a profile would win over the
 * keys), no session token. Only for processes that talk to local emulators.
 *
 * @example
 * ```ts
 * useEmulatorCredentials(process.env);
 * ```
 */
export function useEmulatorCredentials(env: NodeJS.ProcessEnv): void {
  env['AWS_ACCESS_KEY_ID'] = 'testing';
  env['AWS_SECRET_ACCESS_KEY'] = 'testing';
  delete env['AWS_SESSION_TOKEN'];
  delete env['AWS_PROFILE'];
  delete env['AWS_DEFAULT_PROFILE'];
}
