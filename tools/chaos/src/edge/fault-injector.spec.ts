import { SeededRandom } from '../random/seeded-random';
import { FaultInjector } from './fault-injector';

describe('FaultInjector', () => {
  it('fails about `rate` of the calls, half throttling, lost responses only where retrying is safe', () => {
    const faults = new FaultInjector({ rate: 0.2, outageRate: 0 }, new SeededRandom('faults'));
    const decisions = Array.from({ length: 20_000 }, (_, i) =>
      faults.decide('organizations', i % 2 === 0 ? 'AttachPolicy' : 'ListParents'),
    );
    const failed = decisions.filter((d) => d !== null);
    const lost = failed.filter((d) => d?.afterEffect);
    expect({
      rate: Math.round((failed.length / decisions.length) * 100),
      throttling: Math.round(
        (failed.filter((d) => d?.kind === 'throttling').length / failed.length) * 10,
      ),
      lostOnlyAfterServerErrors: lost.every((d) => d?.kind === 'server'),
      lostShareOfServerErrors: Math.round(
        (lost.length / failed.filter((d) => d?.kind === 'server').length) * 4,
      ),
    }).toStrictEqual({
      rate: 20,
      throttling: 5,
      lostOnlyAfterServerErrors: true,
      lostShareOfServerErrors: 1,
    });
  });

  it('never loses the response of a call that is not safe to retry', () => {
    const faults = new FaultInjector({ rate: 0.5 }, new SeededRandom('unsafe'));
    const lost = Array.from({ length: 5_000 }, () => faults.decide('support', 'CreateCase')).filter(
      (d) => d?.afterEffect,
    );
    expect(lost).toStrictEqual([]);
  });

  it('an outage fails the next calls of its service', () => {
    const faults = new FaultInjector(
      { rate: 0.01, outageRate: 1, outageCalls: [3, 3] },
      new SeededRandom('o'),
    );
    const first = [
      faults.decide('sqs', 'SendMessageBatch'),
      faults.decide('sqs', 'SendMessageBatch'),
      faults.decide('sqs', 'SendMessageBatch'),
    ];
    expect({
      failed: first.every((d) => d !== null && d.outage),
      outages: faults.outages.get('sqs'),
    }).toStrictEqual({
      failed: true,
      outages: 1,
    });
  });

  it('throws errors shaped like the SDK’s', () => {
    const fault = new FaultInjector({ rate: 1, outageRate: 0 }, new SeededRandom('shape')).decide(
      'dynamodb',
      'PutItem',
    );
    expect(fault?.error.$metadata.httpStatusCode).toBeGreaterThanOrEqual(400);
    expect([
      'ProvisionedThroughputExceededException',
      'ThrottlingException',
      'InternalServerError',
    ]).toContain(fault?.error.name);
  });
});
