/**
 * Validation rules of the escape hatches (`functionDefaults`, `functions`, `metricsNamespace`,
 * `workerMaxConcurrency`), in the all-at-once style of the other props.
 */
import { Token } from 'aws-cdk-lib';
import type { GovernanceFunctionOptions } from '../functions/function-options';
import {
  mismatches,
  outsideIntegerRange,
  type ValidationRule,
} from '../validation/validation-rule';
import type { OrgGovernanceOptions } from './org-governance-options';

/** A CloudWatch namespace: 1-255 of letters, digits and . - _ / # : space, not `AWS/…`. */
const METRICS_NAMESPACE_PATTERN = /^(?!AWS\/)[A-Za-z0-9.\-_/#: ]{1,255}$/;

/** Every place function options can be given, with the name a message uses. */
function optionSets(
  p: OrgGovernanceOptions,
): readonly (readonly [string, GovernanceFunctionOptions | undefined])[] {
  return [
    ['functionDefaults', p.functionDefaults],
    ['functions.processor', p.functions?.processor],
    ['functions.worker', p.functions?.worker],
    ['functions.notifier', p.functions?.notifier],
    ['functions.reconciler', p.functions?.reconciler],
  ];
}

/** The names of the option sets for which `broken` holds, e.g. `functions.worker`. */
function offending(
  p: OrgGovernanceOptions,
  broken: (options: GovernanceFunctionOptions) => boolean,
): string[] {
  return optionSets(p).flatMap(([name, options]) =>
    options !== undefined && broken(options) ? [name] : [],
  );
}

/** Seconds of a concrete duration, `undefined` when unset or a token. */
function timeoutSeconds(options: GovernanceFunctionOptions): number | undefined {
  const value = options.timeout?.toSeconds({ integral: false });
  return value === undefined || Token.isUnresolved(value) ? undefined : value;
}

/** No reconcile invocation runs longer than 10 minutes, at any scale. */
const RECONCILER_MAX_TIMEOUT_SECONDS = 600;

/** The reconciler's timeout in seconds as configured (its override, else the defaults'). */
function reconcilerTimeoutSeconds(p: OrgGovernanceOptions): number | undefined {
  const options =
    p.functions?.reconciler?.timeout === undefined ? p.functionDefaults : p.functions.reconciler;
  return options === undefined ? undefined : timeoutSeconds(options);
}

/**
 * The rules of {@link OrgGovernanceOptions}.
 *
 * @example
 * ```ts
 * validateAll(scope, 'OrgGovernance', props, [...RULES, ...FUNCTION_OPTION_RULES]);
 * ```
 */
export const FUNCTION_OPTION_RULES: readonly ValidationRule<OrgGovernanceOptions>[] = [
  {
    fails: (p) => offending(p, (o) => outsideIntegerRange(o.memorySize, 128, 10_240)).length > 0,
    message: (p) =>
      `memorySize must be whole MB from 128 to 10240, in ${offending(p, (o) => outsideIntegerRange(o.memorySize, 128, 10_240)).join(', ')}`,
  },
  {
    fails: (p) => offending(p, (o) => outsideIntegerRange(timeoutSeconds(o), 1, 900)).length > 0,
    message: (p) =>
      `timeout must be whole seconds from 1 to 900 (15 minutes), in ${offending(p, (o) => outsideIntegerRange(timeoutSeconds(o), 1, 900)).join(', ')}`,
  },
  {
    fails: (p) => p.functions?.worker?.timeout !== undefined,
    message: () =>
      "functions.worker.timeout is not accepted: the worker's timeout is assignmentStatusWait + 30 s (set assignmentStatusWait)",
  },
  {
    fails: (p) => (reconcilerTimeoutSeconds(p) ?? 0) > RECONCILER_MAX_TIMEOUT_SECONDS,
    message: (p) =>
      `the reconciler's timeout must be at most ${RECONCILER_MAX_TIMEOUT_SECONDS} seconds (each step of a reconcile run checkpoints within it), got ${reconcilerTimeoutSeconds(p)} from ${p.functions?.reconciler?.timeout === undefined ? 'functionDefaults' : 'functions.reconciler'}`,
  },
  {
    fails: (p) =>
      offending(p, (o) => outsideIntegerRange(o.reservedConcurrentExecutions, 0, 1000)).length > 0,
    message: (p) =>
      `reservedConcurrentExecutions must be an integer from 0 to 1000, in ${offending(p, (o) => outsideIntegerRange(o.reservedConcurrentExecutions, 0, 1000)).join(', ')}`,
  },
  {
    fails: (p) =>
      offending(
        p,
        (o) =>
          o.vpc === undefined && (o.vpcSubnets !== undefined || o.securityGroups !== undefined),
      ).length > 0,
    message: (p) =>
      `vpcSubnets and securityGroups need vpc (give it in the same options), in ${offending(
        p,
        (o) =>
          o.vpc === undefined && (o.vpcSubnets !== undefined || o.securityGroups !== undefined),
      ).join(', ')}`,
  },
  {
    fails: (p) => mismatches(p.metricsNamespace, METRICS_NAMESPACE_PATTERN),
    message: (p) =>
      `metricsNamespace must be 1-255 letters, digits, . - _ / # : or spaces, not starting with AWS/, got '${p.metricsNamespace}'`,
  },
  {
    fails: (p) => outsideIntegerRange(p.workerMaxConcurrency, 2, 10),
    message: (p) =>
      `workerMaxConcurrency must be an integer from 2 to 10 (SQS allows at least 2; Identity Center allows 10 outstanding assignment creations), got ${p.workerMaxConcurrency}`,
  },
];
