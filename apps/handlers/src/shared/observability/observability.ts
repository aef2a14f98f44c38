import { Logger } from '@aws-lambda-powertools/logger';
import {
  type Environment,
  HANDLER_ENV,
  LOG_LEVELS,
  type LogLevel,
  type MetricName,
  METRICS_NAMESPACE,
  SERVICE_NAME,
} from '@org/contracts';
import { EmfMetricsRecorder } from './emf-metrics-recorder';
import type { MetricsRecorder } from './metrics-recorder';

/** Structured logging and metrics of one function. */
export interface Observability {
  readonly logger: Logger;
  readonly metrics: MetricsRecorder;
}

/** Log levels of the Powertools logger. */
export type { LogLevel };

/** The log level `POWERTOOLS_LOG_LEVEL` names in `env`, or `undefined` (the logger's default). */
function logLevelOf(env: Environment): LogLevel | undefined {
  const named = env[HANDLER_ENV.logLevel]?.trim().toUpperCase();
  return LOG_LEVELS.find((level) => level === named);
}

/**
 * The CloudWatch namespace of the custom metrics: the one the construct set (its
 * `metricsNamespace` prop, which its alarms read too), else the contract's default.
 *
 * @example
 * ```ts
 * metricsNamespaceOf({ POWERTOOLS_METRICS_NAMESPACE: 'TeamA/Governance' }); // 'TeamA/Governance'
 * ```
 */
export function metricsNamespaceOf(env: Environment): string {
  const named = env[HANDLER_ENV.metricsNamespace]?.trim();
  return named === undefined || named === '' ? METRICS_NAMESPACE : named;
}

/**
 * The Powertools logger (JSON, `service` and `function` keys, level `logLevel`, else the one
 * `env` names).
 *
 * @example
 * ```ts
 * const logger = createLogger('operations-worker', process.env);
 * ```
 */
export function createLogger(functionName: string, env: Environment, logLevel?: LogLevel): Logger {
  const level = logLevel ?? logLevelOf(env);
  return new Logger({
    serviceName: SERVICE_NAME,
    persistentKeys: { function: functionName },
    ...(level === undefined ? {} : { logLevel: level }),
  });
}

/**
 * The Lambda observability of a function: the Powertools logger and EMF metrics (the contract's
 * namespace and service, which the construct's alarms read). Created once per container at cold
 * start.
 *
 * @example
 * ```ts
 * const { logger, metrics } = createLambdaObservability('operations-worker', process.env);
 * ```
 */
export function createLambdaObservability(functionName: string, env: Environment): Observability {
  return {
    logger: createLogger(functionName, env),
    metrics: new EmfMetricsRecorder({
      namespace: metricsNamespaceOf(env),
      serviceName: SERVICE_NAME,
    }),
  };
}

/**
 * Emits counts twice: their total with the `service` dimension only (what alarms watch), and
 * each by `by` (e.g. `operationType`).
 *
 * @example
 * ```ts
 * emitCounts(metrics, METRIC.operationsApplied, 'operationType', { attachPolicy: 2, createAssignment: 1 });
 * ```
 */
export function emitCounts(
  metrics: MetricsRecorder,
  name: MetricName,
  by: string,
  counts: Readonly<Record<string, number>>,
): void {
  const entries = Object.entries(counts)
    .filter(([, value]) => value > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) return;
  metrics.count(
    name,
    entries.reduce((sum, [, value]) => sum + value, 0),
  );
  for (const [value, count] of entries) metrics.count(name, count, { [by]: value });
}

/** Adds `by` (default 1) to `counts[key]`. */
export function increment(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}
