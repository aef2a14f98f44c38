import type { MetricName } from '@org/contracts';

/** One recorded metric value. */
export interface MetricRecord {
  readonly name: MetricName;
  readonly unit: 'Count' | 'Seconds';
  readonly value: number;
  /** Dimensions beyond `service`. */
  readonly dimensions: Readonly<Record<string, string>>;
}

/**
 * Where handlers put their metrics: CloudWatch EMF in Lambda (`EmfMetricsRecorder`),
 * memory in tests, benchmarks and the local pipeline ({@link MemoryMetricsRecorder}).
 *
 * @example
 * ```ts
 * metrics.count(METRIC.operationsApplied, 2, { operationType: 'attachPolicy' });
 * metrics.flush();
 * ```
 */
export interface MetricsRecorder {
  /** Adds a count, with optional dimensions beyond `service`. */
  count(name: MetricName, value: number, dimensions?: Readonly<Record<string, string>>): void;
  /** Adds a duration in seconds. */
  seconds(name: MetricName, value: number): void;
  /** Publishes what is pending (end of an invocation). */
  flush(): void;
}

/**
 * A {@link MetricsRecorder} that keeps every value in memory (tests, benchmarks, the local
 * pipeline's summary).
 *
 * @example
 * ```ts
 * const metrics = new MemoryMetricsRecorder();
 * metrics.count(METRIC.driftOperations, 3);
 * metrics.records(); // [{ name: 'DriftOperations', unit: 'Count', value: 3, dimensions: {} }]
 * ```
 */
export class MemoryMetricsRecorder implements MetricsRecorder {
  private readonly recorded: MetricRecord[] = [];

  /** {@inheritDoc MetricsRecorder.count} */
  count(name: MetricName, value: number, dimensions: Readonly<Record<string, string>> = {}): void {
    this.recorded.push({ name, unit: 'Count', value, dimensions: { ...dimensions } });
  }

  /** {@inheritDoc MetricsRecorder.seconds} */
  seconds(name: MetricName, value: number): void {
    this.recorded.push({ name, unit: 'Seconds', value, dimensions: {} });
  }

  /** Nothing to publish: the values stay in memory. */
  flush(): void {
    return undefined;
  }

  /** Every value recorded so far. */
  records(): readonly MetricRecord[] {
    return [...this.recorded];
  }

  /**
   * The sum of one metric's values: those recorded with the `service` dimension only, or those
   * recorded for one dimension value.
   */
  total(name: MetricName, dimension?: readonly [string, string]): number {
    return this.recorded
      .filter(
        (r) =>
          r.name === name &&
          (dimension === undefined
            ? Object.keys(r.dimensions).length === 0
            : r.dimensions[dimension[0]] === dimension[1]),
      )
      .reduce((sum, r) => sum + r.value, 0);
  }
}
