/**
 * CloudWatch metrics in the embedded metric format (EMF): JSON lines on stdout that CloudWatch
 * Logs turns into metrics. The same documents Powertools Metrics writes, without its 12 KB per
 * bundle (every function must stay under 400 KB with the AWS SDK bundled).
 */
import type { MetricName } from '@org/contracts';
import type { MetricsRecorder } from './metrics-recorder';

/** The units the handlers publish. */
type MetricUnit = 'Count' | 'Seconds';

/** Values of one metric waiting for {@link EmfMetricsRecorder.flush}. */
interface PendingMetric {
  readonly unit: MetricUnit;
  readonly values: number[];
}

/** CloudWatch accepts at most 100 values per metric in one EMF document. */
const MAX_VALUES_PER_METRIC = 100;

/** Options of {@link EmfMetricsRecorder}. */
export interface EmfMetricsRecorderOptions {
  /** The CloudWatch namespace (`METRICS_NAMESPACE` of `@org/contracts`). */
  readonly namespace: string;
  /** The `service` dimension of every metric (`SERVICE_NAME` of `@org/contracts`). */
  readonly serviceName: string;
  /** Writes one EMF document (one JSON line). @default a line on stdout */
  readonly write?: (document: string) => void;
  /** Epoch milliseconds of a document. @default Date.now */
  readonly now?: () => number;
}

/** A line on stdout, where Lambda sends it to CloudWatch Logs as is. */
const writeLine = (document: string): void => {
  process.stdout.write(`${document}\n`);
};

/**
 * A {@link MetricsRecorder} writing CloudWatch EMF: values without extra dimensions are kept and
 * published together at {@link flush} (dimension `service`); values with dimensions are each
 * published at once, with `service` and their own dimensions.
 *
 * @example
 * ```ts
 * const metrics = new EmfMetricsRecorder({ namespace: 'OrgGovernance', serviceName: 'org-governance' });
 * metrics.count(METRIC_NAMES.operationsApplied, 2);
 * metrics.count(METRIC_NAMES.operationsApplied, 2, { operationType: 'attachPolicy' }); // written now
 * metrics.flush(); // {"_aws":{…"Dimensions":[["service"]]…},"service":"org-governance","OperationsApplied":2}
 * ```
 */
export class EmfMetricsRecorder implements MetricsRecorder {
  private readonly pending = new Map<MetricName, PendingMetric>();
  private readonly write: (document: string) => void;
  private readonly now: () => number;

  constructor(private readonly options: EmfMetricsRecorderOptions) {
    this.write = options.write ?? writeLine;
    this.now = options.now ?? Date.now;
  }

  /** {@inheritDoc MetricsRecorder.count} */
  count(name: MetricName, value: number, dimensions: Readonly<Record<string, string>> = {}): void {
    if (Object.keys(dimensions).length === 0) {
      this.add(name, 'Count', value);
    } else {
      this.publish(dimensions, [[name, { unit: 'Count', values: [value] }]]);
    }
  }

  /** {@inheritDoc MetricsRecorder.seconds} */
  seconds(name: MetricName, value: number): void {
    this.add(name, 'Seconds', value);
  }

  /** {@inheritDoc MetricsRecorder.flush} */
  flush(): void {
    const metrics = [...this.pending.entries()];
    this.pending.clear();
    for (
      let start = 0;
      metrics.some(([, m]) => m.values.length > start);
      start += MAX_VALUES_PER_METRIC
    ) {
      const slice = metrics
        .filter(([, metric]) => metric.values.length > start)
        .map(([name, metric]): [MetricName, PendingMetric] => [
          name,
          { unit: metric.unit, values: metric.values.slice(start, start + MAX_VALUES_PER_METRIC) },
        ]);
      this.publish({}, slice);
    }
  }

  private add(name: MetricName, unit: MetricUnit, value: number): void {
    const metric = this.pending.get(name);
    if (metric === undefined) this.pending.set(name, { unit, values: [value] });
    else metric.values.push(value);
  }

  /** Writes one EMF document. */
  private publish(
    dimensions: Readonly<Record<string, string>>,
    metrics: readonly (readonly [MetricName, PendingMetric])[],
  ): void {
    const keys = { service: this.options.serviceName, ...dimensions };
    const document = {
      _aws: {
        Timestamp: this.now(),
        CloudWatchMetrics: [
          {
            Namespace: this.options.namespace,
            Dimensions: [Object.keys(keys)],
            Metrics: metrics.map(([name, { unit }]) => ({ Name: name, Unit: unit })),
          },
        ],
      },
      ...keys,
      ...Object.fromEntries(
        metrics.map(([name, { values }]) => [name, values.length === 1 ? values[0] : values]),
      ),
    };
    this.write(JSON.stringify(document));
  }
}
