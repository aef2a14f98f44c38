import { scaleLines } from '../../src/scale/format-scale';
import { DEFAULT_SCALE_OPTIONS, runScaleBench } from '../../src/scale/run-scale-bench';
import { parseScaleOptions } from '../../src/scale/scale-options';

jest.setTimeout(120_000);

describe('bench:scale', () => {
  it('reconciles a small organization through prepare, shards and finish within the rates', async () => {
    const result = await runScaleBench({
      ...DEFAULT_SCALE_OPTIONS,
      accounts: 600,
      shardSize: 250,
      workerCreates: 60,
    });
    const [rates, scale, worker, workerReads] = scaleLines(result);
    expect({
      rates,
      scale:
        /^scale: 600 accounts, reconcile [\d.]+ h simulated \(API-rate bound [\d.]+ h\), organizations [\d.]+ reads\/account, identity center [\d.]+ calls\/account, longest invocation \d+ s, peak heap \d+ MB, 0 lost, 0 expired$/.test(
          scale,
        ),
      worker:
        /^worker: 60 creates, [\d.]+\/s = [\d.]+ % of the [\d.]+\/s bound \(20 req\/s ÷ [\d.]+ requests per create; 10 outstanding ÷ mean completion 3\.0 s\), workers 10, 0 lost, 0 duplicated$/.test(
          worker,
        ),
      workerReads:
        /^worker reads: organizations [\d.]+ reads per create \(5 reads\/s ÷ [\d.]+ = [\d.]+ creates\/s, part of the bound\), 0 over the rate$/.test(
          workerReads,
        ),
      shards: result.summary.shards,
      everyOperationSent: result.queue.sent === result.summary.driftCount,
      tagReadsPerAccount: result.organizationsReads >= 600,
      throttled: result.throttled,
      withinInvocation: result.longestInvocationSeconds <= 600,
      withinBound: result.reconcileSeconds <= 1.25 * result.boundSeconds,
      // One page per principal (500 groups, none assigned yet: a first run) and the permission sets.
      identityCenterCalls: result.identityCenterCalls,
    }).toStrictEqual({
      rates: 'rates: organizations reads 5/s, writes 2/s, identity center 20/s, 10 outstanding',
      scale: true,
      worker: true,
      workerReads: true,
      shards: 3,
      everyOperationSent: true,
      tagReadsPerAccount: true,
      throttled: 0,
      withinInvocation: true,
      withinBound: true,
      identityCenterCalls: 500 + 1 + 50,
    });
  });

  it.each([
    { argv: [], accounts: 50_000 },
    { argv: ['--accounts', '1000'], accounts: 1000 },
  ])('reads --accounts (default 50,000): $argv', ({ argv, accounts }) => {
    expect(parseScaleOptions(argv).accounts).toBe(accounts);
  });

  it.each([
    [['--speed', '1'], 'unknown option --speed'],
    [['--accounts', 'many'], '--accounts needs a positive whole number, got many'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseScaleOptions(argv)).toThrow(message);
  });
});
