import {
  ConfigError,
  SnapshotError,
  parseGovernanceConfig,
  parseOrgSnapshot,
  type GovernanceConfig,
  type OrgSnapshot,
  type Problem,
} from '@org/scope-engine';
import { STACK_FRAME, check } from './parse-invariants';

/** What a document parser did with one input. */
export type DocumentOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Asserts the problems of a typed engine error: at least one, each with a path and words. */
function checkProblems(error: ConfigError | SnapshotError): void {
  check(error.problems.length > 0, `${error.name} without problems`);
  for (const problem of error.problems) {
    check(typeof problem.path === 'string', 'problem without a path');
    check(problem.message.trim().length > 0, `problem at ${problem.path} says nothing`);
    check(
      problem.line === undefined || (Number.isInteger(problem.line) && problem.line >= 1),
      `problem at ${problem.path} has line ${String(problem.line)}`,
    );
  }
  check(!STACK_FRAME.test(error.message), `stack trace in message: ${error.message}`);
}

/**
 * Runs `parse` and classifies what happened: a value, or the problems of the expected typed
 * error. Anything else thrown (a TypeError, a RangeError, another error class) fails the
 * property with that error as the cause.
 */
function classify<T, E extends ConfigError | SnapshotError>(
  parse: () => T,
  errorClass: new (...args: never[]) => E,
): DocumentOutcome<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (!(error instanceof errorClass)) {
      throw new Error(`threw ${String(error)} instead of a ${errorClass.name}`, { cause: error });
    }
    checkProblems(error);
    return { ok: false, problems: error.problems };
  }
}

/**
 * The fuzzing contract of `parseGovernanceConfig`: it returns a configuration or throws a
 * `ConfigError` listing at least one problem; a returned configuration parses again to itself
 * (the defaults are a fixed point).
 */
export function checkConfigContract(
  input: string | object,
  source: string,
): DocumentOutcome<GovernanceConfig> {
  const outcome = classify(() => parseGovernanceConfig(input, source), ConfigError);
  if (outcome.ok) {
    const again = parseGovernanceConfig(JSON.parse(JSON.stringify(outcome.value)) as object);
    check(
      JSON.stringify(again) === JSON.stringify(outcome.value),
      're-parsing a valid config changes it',
    );
  }
  return outcome;
}

/**
 * The fuzzing contract of `parseOrgSnapshot`: it returns a snapshot or throws a `SnapshotError`
 * listing at least one problem; a returned snapshot parses again to itself.
 */
export function checkSnapshotContract(
  input: string | object,
  source: string,
): DocumentOutcome<OrgSnapshot> {
  const outcome = classify(() => parseOrgSnapshot(input, source), SnapshotError);
  if (outcome.ok) {
    const again = parseOrgSnapshot(JSON.parse(JSON.stringify(outcome.value)) as object);
    check(
      JSON.stringify(again) === JSON.stringify(outcome.value),
      're-parsing a valid snapshot changes it',
    );
  }
  return outcome;
}
