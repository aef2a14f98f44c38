import { Logger } from '@aws-lambda-powertools/logger';
import type { Environment } from '../config/env-reader';
import { DEFAULT_METRICS_NAMESPACE, DEFAULT_SERVICE_NAME, type MetricName } from './metric-names';
import { EmfMetricsRecorder } from './emf-metrics-recorder';
import type { MetricsRecorder } from './metrics-recorder';

/** Structured logging and metrics of one function. */
export interface Observability {
  readonly logger: Logger;
  readonly metrics: MetricsRecorder;
}

/** Log levels of the Powertools logger. */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';

/**
 * The Powertools logger (JSON, `service` and `function` keys, level from `POWERTOOLS_LOG_LEVEL`
 * unless `logLevel` is given).
 *
 * @example
 * ```ts
 * const logger = createLogger('operations-worker', process.env);
 * ```
 */
export function createLogger(functionName: string, env: Environment, logLevel?: LogLevel): Logger {
  return new Logger({
    serviceName: env['POWERTOOLS_SERVICE_NAME'] ?? DEFAULT_SERVICE_NAME,
    persistentKeys: { function: functionName },
    ...(logLevel === undefined ? {} : { logLevel }),
  });
}

/**
 * The Lambda observability of a function: the Powertools logger and EMF metrics (namespace and
 * service from `POWERTOOLS_METRICS_NAMESPACE` / `POWERTOOLS_SERVICE_NAME`). Created once per
 * container at cold start.
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
      namespace: env['POWERTOOLS_METRICS_NAMESPACE'] ?? DEFAULT_METRICS_NAMESPACE,
      serviceName: env['POWERTOOLS_SERVICE_NAME'] ?? DEFAULT_SERVICE_NAME,
    }),
  };
}

/**
 * Emits counts twice: their total with the `service` dimension only (what alarms watch), and
 * each by `by` (e.g. `operationType`).
 *
 * @example
 * ```ts
 * emitCounts(metrics, METRIC.operationsApplied, 'operationType', { attachScp: 2, createAssignment: 1 });
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
