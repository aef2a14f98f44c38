/**
 * All-at-once prop validation in the style of aws-cdk's `validate-queue-props.ts`: a list of
 * rules, each a condition and a message; every failing rule is reported in one error.
 */
import { Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { InvalidPropsError } from '../errors';

/** One check on a props object: when `fails(props)` the `message(props)` is reported. */
export interface ValidationRule<P> {
  /** `true` when the props break this rule. */
  readonly fails: (props: P) => boolean;
  /** One sentence naming the prop, what was given and what is allowed. */
  readonly message: (props: P) => string;
}

/**
 * Runs every rule and throws one {@link InvalidPropsError} listing each failure.
 *
 * @example
 * ```ts
 * validateAll(this, 'OrgGovernance', props, ORG_GOVERNANCE_RULES);
 * ```
 */
export function validateAll<P>(
  scope: IConstruct,
  constructName: string,
  props: P,
  rules: readonly ValidationRule<P>[],
): void {
  const problems = rules.filter((rule) => rule.fails(props)).map((rule) => rule.message(props));
  if (problems.length > 0) {
    throw new InvalidPropsError(scope.node.path, constructName, problems);
  }
}

/** `true` when a concrete (non-token) number lies outside `[min, max]` or is not an integer. */
export function outsideIntegerRange(value: number | undefined, min: number, max: number): boolean {
  if (value === undefined || Token.isUnresolved(value)) return false;
  return !Number.isInteger(value) || value < min || value > max;
}

/** `true` when a concrete (non-token) string does not match the pattern. */
export function mismatches(value: string | undefined, pattern: RegExp): boolean {
  if (value === undefined || Token.isUnresolved(value)) return false;
  return !pattern.test(value);
}

/** The concrete values of a list that do not match the pattern (tokens are skipped). */
export function invalidItems(values: readonly string[] | undefined, pattern: RegExp): string[] {
  return (values ?? []).filter((value) => !Token.isUnresolved(value) && !pattern.test(value));
}
