/**
 * Typed errors of `@org/scp-automation-construct`. Every error has a stable `code`; messages
 * name the construct path and say what to change — they are meant for the person running
 * `cdk synth`, not for a stack trace reader.
 */

/** Base class of every error raised by this package; `code` is stable. */
export abstract class ConstructLibraryError extends Error {
  /** Stable machine-readable code. */
  abstract readonly code: string;
}

/**
 * One or more props of a construct are invalid. Lists every mistake at once.
 *
 * @example
 * ```ts
 * try {
 *   new OrgGovernance(stack, 'Governance', { governanceConfig, operationsMaxReceiveCount: 0 });
 * } catch (error) {
 *   if (error instanceof InvalidPropsError) console.error(error.problems);
 * }
 * ```
 */
export class InvalidPropsError extends ConstructLibraryError {
  /** Stable code. */
  readonly code = 'INVALID_PROPS';
  constructor(
    /** Path of the construct whose props are invalid (e.g. `Stack/Governance`). */
    readonly constructPath: string,
    /** Class name of the construct (e.g. `OrgGovernance`). */
    readonly constructName: string,
    /** Every problem found, one sentence each, naming the prop. */
    readonly problems: readonly string[],
  ) {
    super(
      `${constructName} at '${constructPath}' has ${problems.length} invalid prop(s):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'InvalidPropsError';
  }
}

/**
 * The pre-bundled Lambda code of a function is missing from the package's `assets/` folder
 * (in the workspace: run `npx nx run handlers:bundle`).
 *
 * @example
 * ```ts
 * // MissingHandlerAssetError: Lambda code for 'reconciler' not found at /…/assets/reconciler/index.js …
 * ```
 */
export class MissingHandlerAssetError extends ConstructLibraryError {
  /** Stable code. */
  readonly code = 'MISSING_HANDLER_ASSET';
  constructor(
    /** The function whose code is missing. */
    readonly functionName: string,
    /** The file that was expected. */
    readonly expectedFile: string,
  ) {
    super(
      `Lambda code for '${functionName}' not found at ${expectedFile}. The published package ` +
        'ships it in assets/; in the workspace, run `npx nx run handlers:bundle` first.',
    );
    this.name = 'MissingHandlerAssetError';
  }
}

/**
 * The governance configuration given to `OrgGovernance` (`GovernanceConfigSource.fromFile` /
 * `fromYaml`) cannot be read or is invalid. The message names the file and every problem with its
 * path; it is the whole report, so the error carries no stack trace.
 *
 * @example
 * ```ts
 * // InvalidGovernanceConfigError: governance.yaml (OrgGovernance at 'Central/Governance') is not a valid governance configuration:
 * //   - line 12: notifications[0].target.topicArn: must be an SNS topic ARN
 * ```
 */
export class InvalidGovernanceConfigError extends ConstructLibraryError {
  /** Stable code. */
  readonly code = 'INVALID_GOVERNANCE_CONFIG';
  constructor(
    /** Path of the `OrgGovernance` that reads the configuration. */
    readonly constructPath: string,
    /** The file (or name) of the configuration. */
    readonly fileName: string,
    /** Every problem, with its YAML path (and line). */
    readonly problems: readonly string[],
  ) {
    super(
      `${fileName} (OrgGovernance at '${constructPath}') is not a valid governance configuration:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'InvalidGovernanceConfigError';
    // A user's mistake in a file, not a bug: `cdk synth` shows the message, not library frames,
    // and not the fields again (Node prints an uncaught error's enumerable fields).
    this.stack = `${this.name}: ${this.message}`;
    for (const field of ['code', 'constructPath', 'fileName', 'problems']) {
      Object.defineProperty(this, field, { enumerable: false });
    }
  }
}
