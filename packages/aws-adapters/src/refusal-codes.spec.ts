import { isRefusal, REFUSAL_CODES } from '@org/governance-runtime';
import {
  AccessDeniedError,
  AwsServiceError,
  InvalidRequestError,
  ResourceNotFoundError,
  ThrottledError,
  TransientError,
  UnexpectedResponseError,
  VersionConflictError,
} from './errors';

describe("the adapters' errors against the runtime's refusal codes", () => {
  it('reports exactly the answers that prove nothing took effect (a 4xx) as refusals', () => {
    const errors = [
      new AccessDeniedError('denied'),
      new ResourceNotFoundError('no such policy'),
      new InvalidRequestError('constraint violation'),
      new ThrottledError('rate exceeded'),
      new TransientError('503'),
      new VersionConflictError('changed'),
      new UnexpectedResponseError('no field'),
      new AwsServiceError('unknown'),
    ];
    expect({
      refusals: errors.filter(isRefusal).map((error) => error.code),
      codes: REFUSAL_CODES,
    }).toStrictEqual({
      refusals: ['AccessDenied', 'NotFound', 'InvalidRequest'],
      codes: ['AccessDenied', 'NotFound', 'InvalidRequest'],
    });
  });
});
