import { createHash } from 'node:crypto';
import {
  getInstanceMetadataRegion,
  HeaderFormatter,
  UnavailableEventStreamSigningError,
  Md5Js,
  Sha256Js,
  UnavailableHashError,
} from '../../src/bundling/unreachable-sdk-fallbacks';

describe('the stand-ins of the SDK fallbacks Lambda never takes', () => {
  it.each([
    ['sha256', () => new Sha256Js()],
    ['md5', () => new Md5Js()],
  ])(
    'the %s fallback is not needed: node:crypto has it, and the stand-in fails loudly',
    (algorithm, construct) => {
      expect({
        native: createHash(algorithm).update('abc').digest('hex').length > 0,
        standIn: (() => {
          try {
            construct();
            return null;
          } catch (error) {
            return error;
          }
        })(),
      }).toStrictEqual({ native: true, standIn: new UnavailableHashError(algorithm) });
    },
  );

  it('reads no region from the instance metadata service', async () => {
    expect(await getInstanceMetadataRegion()).toBeUndefined();
  });

  it('signs no event-stream message: the header encoder stand-in fails loudly', () => {
    expect(() => new HeaderFormatter().format()).toThrow(UnavailableEventStreamSigningError);
  });
});
