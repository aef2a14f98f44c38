import { chaosLambdaContext } from '../runtime/lambda-context';
import { SimulatedContainer } from './simulated-container';

describe('SimulatedContainer API time', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('credits (scale − 1) × the real time with at least one call in flight, overlaps once', () => {
    const container = new SimulatedContainer('operations-worker#1', () => 100);
    container.callStarted();
    jest.advanceTimersByTime(20);
    container.callStarted(); // overlaps the first for 10 ms
    jest.advanceTimersByTime(10);
    container.callEnded();
    jest.advanceTimersByTime(10);
    expect(container.apiTimeCreditMs()).toBe(40 * 99); // still in flight: counted so far
    container.callEnded();
    jest.advanceTimersByTime(1000); // idle: no credit
    expect(container.apiTimeCreditMs()).toBe(40 * 99);
  });

  it('gives no credit at scale 1 (the default)', () => {
    const container = new SimulatedContainer('reconciler#1');
    container.callStarted();
    jest.advanceTimersByTime(500);
    container.callEnded();
    expect(container.apiTimeCreditMs()).toBe(0);
  });
});

describe('chaosLambdaContext', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('counts an API call at its real latency and other time at the clock, from its start', () => {
    const container = new SimulatedContainer('operations-worker#2', () => 100);
    container.callStarted();
    jest.advanceTimersByTime(30); // before the invocation: not given back
    container.callEnded();
    let productMs = 0;
    const clock = { now: () => productMs, sleep: () => Promise.resolve() };
    const context = chaosLambdaContext('operations-worker', 90_000, clock, container);
    container.callStarted();
    jest.advanceTimersByTime(200); // a slow emulator answer: 200 real ms
    container.callEnded();
    productMs += 200 * 100 + 5_000; // the clock counted it 100×, plus 5 s of waiting
    expect(context.getRemainingTimeInMillis()).toBe(90_000 - 200 - 5_000);
  });

  it('without a container measures the deadline on the clock alone', () => {
    let productMs = 0;
    const clock = { now: () => productMs, sleep: () => Promise.resolve() };
    const context = chaosLambdaContext('reconciler', 900_000, clock);
    productMs += 899_000;
    expect(context.getRemainingTimeInMillis()).toBe(1_000);
    productMs += 5_000;
    expect(context.getRemainingTimeInMillis()).toBe(0);
  });
});
