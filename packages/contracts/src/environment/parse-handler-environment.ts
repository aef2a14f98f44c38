/**
 * The typed parser of a function's environment: every variable it reads, checked against its
 * specification, every problem reported at once.
 */
import type { HandlerFunctionName } from '../functions/handler-functions';
import { type EnvironmentProblem, HandlerEnvironmentError } from './handler-environment-error';
import { FUNCTION_VARIABLES, type HandlerEnvironment } from './function-variables';
import { HANDLER_VARIABLES, type HandlerVariableKey, VARIABLE_PAIRS } from './handler-variables';
import type { NumberVariable, VariableSpec } from './variable-spec';

/** Environment variables as a function sees them (a subset of `process.env`). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** A parsed value, or the problem that prevented it. */
type Parsed = { readonly value: unknown } | { readonly problem: string };

/** `' >= 1'`: the bound of a number, for its error message. */
function bound(spec: NumberVariable): string {
  return spec.min === undefined ? '' : ` >= ${spec.min}`;
}

/** Parses one trimmed, non-empty value. */
function parseValue(spec: VariableSpec, raw: string): Parsed {
  switch (spec.type) {
    case 'string':
      return spec.pattern === undefined || spec.pattern.regex.test(raw)
        ? { value: raw }
        : { problem: `must be ${spec.pattern.description}, got "${raw}"` };
    case 'number': {
      const value = Number(raw);
      const valid =
        Number.isFinite(value) &&
        value >= (spec.min ?? Number.NEGATIVE_INFINITY) &&
        (spec.integer !== true || Number.isInteger(value));
      return valid
        ? { value }
        : {
            problem: `must be ${spec.integer === true ? 'an integer' : 'a number'}${bound(spec)}, got "${raw}"`,
          };
    }
    case 'boolean': {
      const word = raw.toLowerCase();
      return word === 'true' || word === 'false'
        ? { value: word === 'true' }
        : { problem: `must be true or false, got "${raw}"` };
    }
    case 'choice': {
      const word = raw.toUpperCase();
      return spec.values.includes(word)
        ? { value: word }
        : { problem: `must be one of ${spec.values.join(', ')}, got "${raw}"` };
    }
  }
}

/** The value of an unset variable, or the problem when it is required. */
function unsetValue(spec: VariableSpec): Parsed {
  if ('required' in spec && spec.required) return { problem: 'is required' };
  return { value: 'default' in spec ? spec.default : undefined };
}

/**
 * Reads and checks every variable `functionName` reads (see `FUNCTION_VARIABLES`): required ones
 * must be set, set ones must be valid, unset optional ones take their default, and paired ones
 * (`SSO_INSTANCE_ARN` / `IDENTITY_STORE_ID`) come together.
 *
 * @throws {HandlerEnvironmentError} naming the function and each missing or invalid variable.
 * @example
 * ```ts
 * const env = parseHandlerEnvironment('operations-worker', process.env);
 * env.statusWaitSeconds; // number
 * env.ssoRoleArn; // string | undefined
 * ```
 */
export function parseHandlerEnvironment<F extends HandlerFunctionName>(
  functionName: F,
  env: Environment,
): HandlerEnvironment<F> {
  const keys: readonly HandlerVariableKey[] = FUNCTION_VARIABLES[functionName];
  const problems: EnvironmentProblem[] = [];
  const values: Record<string, unknown> = {};
  for (const key of keys) {
    const spec: VariableSpec = HANDLER_VARIABLES[key];
    const raw = env[spec.name]?.trim();
    const parsed = raw ? parseValue(spec, raw) : unsetValue(spec);
    if ('problem' in parsed) problems.push({ variable: spec.name, problem: parsed.problem });
    else values[key] = parsed.value;
  }
  for (const [first, second] of VARIABLE_PAIRS) {
    if (!keys.includes(first) || !keys.includes(second)) continue;
    if ((values[first] === undefined) === (values[second] === undefined)) continue;
    const missing = values[first] === undefined ? first : second;
    problems.push({
      variable: HANDLER_VARIABLES[missing].name,
      problem: `is required when the other of ${HANDLER_VARIABLES[first].name} / ${HANDLER_VARIABLES[second].name} is set`,
    });
  }
  if (problems.length > 0) throw new HandlerEnvironmentError(functionName, problems);
  return values as HandlerEnvironment<F>;
}
