import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAST_RETRY, httpError } from '../../test/support/fast-retry';
import {
  AccessDeniedError,
  AwsServiceError,
  InvalidRequestError,
  ResourceNotFoundError,
  ThrottledError,
  TransientError,
} from '../errors';
import {
  ADAPTERS_VERSION,
  awsErrorName,
  backoffDelayMs,
  callAws,
  classifyError,
  collectPages,
  createClientConfig,
  DEFAULT_RETRY_POLICY,
  translateAwsError,
  withRetries,
} from '.';

const named = (name: string, extra: object = {}): Error =>
  Object.assign(new Error('simulated'), { name, ...extra });

describe('classifyError', () => {
  it.each([
    [named('TooManyRequestsException'), 'throttling'],
    [named('ConcurrentModificationException'), 'throttling'],
    [named('ThrottlingException'), 'throttling'],
    [named('ProvisionedThroughputExceededException'), 'throttling'],
    [
      named('TransactionCanceledException', {
        CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
      }),
      'throttling',
    ],
    [
      named('TransactionCanceledException', {
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }],
      }),
      'permanent',
    ],
    [httpError('SomethingNew', 429), 'throttling'],
    [named('ServiceException'), 'transient'],
    [named('InternalServerException'), 'transient'],
    [httpError('SomethingNew', 502), 'transient'],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'transient'],
    [named('TimeoutError'), 'transient'],
    [named('AccessDeniedException'), 'permanent'],
    [named('DuplicatePolicyAttachmentException'), 'permanent'],
    [httpError('ValidationException', 400), 'permanent'],
    ['a string', 'permanent'],
  ])('%p is %s', (error, expected) => {
    expect(classifyError(error)).toBe(expected);
  });
});

describe('awsErrorName', () => {
  it.each([
    [named('TooManyRequestsException'), 'TooManyRequestsException'],
    [Object.assign(new Error('x'), { code: 'ETIMEDOUT' }), 'ETIMEDOUT'],
    [null, 'Error'],
    [42, 'Error'],
  ])('%p → %s', (error, expected) => expect(awsErrorName(error)).toBe(expected));
});

describe('backoffDelayMs', () => {
  it.each([
    [1, 1, 100],
    [2, 1, 200],
    [3, 0.5, 200],
    [10, 1, 5_000],
    [4, 0, 0],
  ])('retry %i with random %d waits floor(random × cap) = %i ms', (retry, random, expected) => {
    expect(backoffDelayMs(retry, DEFAULT_RETRY_POLICY, () => random)).toBe(expected);
  });
});

describe('withRetries', () => {
  it('retries throttling with growing jittered delays, then succeeds', async () => {
    const delays: number[] = [];
    const call = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(named('TooManyRequestsException'))
      .mockRejectedValueOnce(named('ServiceUnavailable'))
      .mockResolvedValue('ok');
    const result = await withRetries(call, {
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      random: () => 0.99,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect({ result, delays, calls: call.mock.calls.length }).toStrictEqual({
      result: 'ok',
      delays: [99, 198],
      calls: 3,
    });
  });

  it('does not retry a permanent error', async () => {
    const call = jest.fn<Promise<string>, []>().mockRejectedValue(named('AccessDeniedException'));
    await expect(withRetries(call, FAST_RETRY)).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('rethrows the last error unchanged when attempts run out', async () => {
    const last = named('ThrottlingException');
    const call = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(named('Throttling'))
      .mockRejectedValue(last);
    await expect(withRetries(call, FAST_RETRY)).rejects.toBe(last);
    expect(call).toHaveBeenCalledTimes(3);
  });
});

describe('translateAwsError', () => {
  it.each([
    [named('TooManyRequestsException'), ThrottledError, 'Throttled', true],
    [httpError('ServiceUnavailable', 503), TransientError, 'Transient', true],
    [named('AccessDeniedException'), AccessDeniedError, 'AccessDenied', false],
    [httpError('Forbidden', 403), AccessDeniedError, 'AccessDenied', false],
    [named('PolicyNotFoundException'), ResourceNotFoundError, 'NotFound', false],
    [named('QueueDoesNotExist'), ResourceNotFoundError, 'NotFound', false],
    [named('ConstraintViolationException'), InvalidRequestError, 'InvalidRequest', false],
    [httpError('Whatever', 400), InvalidRequestError, 'InvalidRequest', false],
    [named('SomethingElse'), AwsServiceError, 'AwsServiceError', false],
  ])('%p → %p', (error, Type, code, retryable) => {
    const translated = translateAwsError(error, { operation: 'AttachPolicy', policyId: 'p-1' });
    expect(translated).toBeInstanceOf(Type);
    expect({
      code: translated.code,
      retryable: translated.retryable,
      cause: translated.cause,
      context: translated.context,
      message: translated.message,
    }).toStrictEqual({
      code,
      retryable,
      cause: error,
      context: { operation: 'AttachPolicy', policyId: 'p-1' },
      message: `${error.name}: simulated (operation=AttachPolicy, policyId=p-1)`,
    });
  });

  it('passes adapter errors through', () => {
    const error = new ThrottledError('x');
    expect(translateAwsError(error, {})).toBe(error);
  });
});

describe('callAws', () => {
  it('retries, then translates the final error with the context', async () => {
    const call = jest
      .fn<Promise<never>, []>()
      .mockRejectedValue(named('ConcurrentModificationException'));
    await expect(callAws({ operation: 'DetachPolicy' }, call, FAST_RETRY)).rejects.toMatchObject({
      name: 'ThrottledError',
      context: { operation: 'DetachPolicy' },
    });
    expect(call).toHaveBeenCalledTimes(3);
  });
});

describe('collectPages', () => {
  let failAt: string | null = null;
  async function* pagesFrom(start: string | undefined) {
    const pages = [
      { items: [1], next: 'b' },
      { items: [2], next: 'c' },
      { items: [3], next: undefined },
    ];
    const index = start === undefined ? 0 : pages.findIndex((_, i) => pages[i - 1]?.next === start);
    for (const page of pages.slice(index)) {
      if (page.next === failAt) {
        failAt = null;
        throw named('TooManyRequestsException');
      }
      yield page;
    }
  }

  it('resumes a failed pagination at the failed page', async () => {
    const starts: (string | undefined)[] = [];
    failAt = 'c';
    const pages = await collectPages(
      (token) => {
        starts.push(token);
        return pagesFrom(token);
      },
      (page) => page.next,
      { operation: 'List' },
      FAST_RETRY,
    );
    expect({ items: pages.flatMap((page) => page.items), starts }).toStrictEqual({
      items: [1, 2, 3],
      starts: [undefined, 'b'],
    });
  });

  it('translates a permanent failure', async () => {
    async function* failing(): AsyncGenerator<{ next?: string }> {
      yield* [];
      throw named('AccessDeniedException');
    }
    await expect(
      collectPages(failing, (page) => page.next, { operation: 'List' }, FAST_RETRY),
    ).rejects.toMatchObject({
      code: 'AccessDenied',
      context: { operation: 'List' },
    });
  });
});

describe('createClientConfig', () => {
  it.each([
    [
      { region: 'us-east-1' },
      {
        region: 'us-east-1',
        retryMode: 'adaptive',
        maxAttempts: 3,
        customUserAgent: `org-governance/${ADAPTERS_VERSION}`,
      },
    ],
    [
      {
        region: 'eu-west-1',
        endpoint: 'http://127.0.0.1:5000',
        userAgent: 'reconciler',
        maxAttempts: 6,
      },
      {
        region: 'eu-west-1',
        endpoint: 'http://127.0.0.1:5000',
        retryMode: 'adaptive',
        maxAttempts: 6,
        customUserAgent: `org-governance/${ADAPTERS_VERSION} reconciler`,
      },
    ],
  ])('%j → %j', (options, expected) => {
    expect(createClientConfig(options)).toStrictEqual(expected);
  });

  it('reports the package version in the user agent', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
      version: string;
    };
    expect(ADAPTERS_VERSION).toBe(manifest.version);
  });
});
