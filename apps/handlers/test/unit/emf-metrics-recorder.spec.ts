import { EmfMetricsRecorder } from '../../src/shared/observability/emf-metrics-recorder';
import { HANDLER_ENV, METRIC_NAMES, METRICS_NAMESPACE } from '@org/contracts';
import { metricsNamespaceOf } from '../../src/shared/observability/observability';
import type { MetricsRecorder } from '../../src/shared/observability/metrics-recorder';

const NOW = Date.parse('2026-11-01T10:00:00Z');

/** A recorder writing into a list, and the documents it wrote. */
function recorder() {
  const written: unknown[] = [];
  const metrics = new EmfMetricsRecorder({
    namespace: 'OrgGovernance',
    serviceName: 'org-governance',
    write: (document) => written.push(JSON.parse(document)),
    now: () => NOW,
  });
  return { metrics, written };
}

/** The EMF document of metrics with these dimensions and values. */
function emf(
  dimensions: Readonly<Record<string, string>>,
  metrics: Readonly<Record<string, readonly [string, number | number[]]>>,
) {
  const keys = { service: 'org-governance', ...dimensions };
  return {
    _aws: {
      Timestamp: NOW,
      CloudWatchMetrics: [
        {
          Namespace: 'OrgGovernance',
          Dimensions: [Object.keys(keys)],
          Metrics: Object.entries(metrics).map(([Name, [Unit]]) => ({ Name, Unit })),
        },
      ],
    },
    ...keys,
    ...Object.fromEntries(Object.entries(metrics).map(([name, [, value]]) => [name, value])),
  };
}

describe('EmfMetricsRecorder', () => {
  it.each<{
    name: string;
    record: (metrics: MetricsRecorder) => void;
    beforeFlush: unknown[];
    afterFlush: unknown[];
  }>([
    {
      name: 'values without dimensions wait for the flush, one document, repeated names as lists',
      record: (m) => {
        m.count(METRIC_NAMES.operationsApplied, 2);
        m.count(METRIC_NAMES.operationsApplied, 1);
        m.seconds(METRIC_NAMES.eventLagSeconds, 4.5);
      },
      beforeFlush: [],
      afterFlush: [
        emf(
          {},
          {
            OperationsApplied: ['Count', [2, 1]],
            EventLagSeconds: ['Seconds', 4.5],
          },
        ),
      ],
    },
    {
      name: 'a value with dimensions is written at once with them',
      record: (m) => m.count(METRIC_NAMES.operationsEnqueued, 3, { operationType: 'attachPolicy' }),
      beforeFlush: [emf({ operationType: 'attachPolicy' }, { OperationsEnqueued: ['Count', 3] })],
      afterFlush: [],
    },
    {
      name: 'nothing recorded writes nothing',
      record: () => undefined,
      beforeFlush: [],
      afterFlush: [],
    },
  ])('$name', ({ record, beforeFlush, afterFlush }) => {
    const { metrics, written } = recorder();
    record(metrics);
    const before = [...written];
    metrics.flush();
    expect({ before, after: written.slice(before.length) }).toStrictEqual({
      before: beforeFlush,
      after: afterFlush,
    });
  });

  it('splits a metric of more than 100 values over documents (the EMF limit), and flushes once', () => {
    const { metrics, written } = recorder();
    const values = Array.from({ length: 150 }, (_, i) => i);
    for (const value of values) metrics.count(METRIC_NAMES.operationsApplied, value);
    metrics.seconds(METRIC_NAMES.eventLagSeconds, 1);
    metrics.flush();
    metrics.flush();
    expect(written).toStrictEqual([
      emf(
        {},
        {
          OperationsApplied: ['Count', values.slice(0, 100)],
          EventLagSeconds: ['Seconds', 1],
        },
      ),
      emf({}, { OperationsApplied: ['Count', values.slice(100)] }),
    ]);
  });

  it('writes one JSON line per document on stdout by default', () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const metrics = new EmfMetricsRecorder({ namespace: 'N', serviceName: 's', now: () => NOW });
      metrics.count(METRIC_NAMES.driftOperations, 1);
      metrics.flush();
    } finally {
      spy.mockRestore();
    }
    expect(lines).toStrictEqual([
      `${JSON.stringify({
        _aws: {
          Timestamp: NOW,
          CloudWatchMetrics: [
            {
              Namespace: 'N',
              Dimensions: [['service']],
              Metrics: [{ Name: 'DriftOperations', Unit: 'Count' }],
            },
          ],
        },
        service: 's',
        DriftOperations: 1,
      })}\n`,
    ]);
  });
});

describe('metricsNamespaceOf', () => {
  it.each([
    [
      'the construct set one',
      { [HANDLER_ENV.metricsNamespace]: 'TeamA/Governance' },
      'TeamA/Governance',
    ],
    ['unset', {}, METRICS_NAMESPACE],
    ['blank', { [HANDLER_ENV.metricsNamespace]: '  ' }, METRICS_NAMESPACE],
  ])('%s', (_name, env, expected) => {
    expect(metricsNamespaceOf(env)).toBe(expected);
  });
});
