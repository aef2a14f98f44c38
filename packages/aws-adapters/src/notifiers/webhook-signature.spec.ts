import { createHmac } from 'node:crypto';
import { signatureHeader, verifyWebhookSignature } from './webhook-signature';

const BODY = '{"eventId":"e-1","accountId":"222222222222"}';
const T = 1_767_225_600;
const hmac = (secret: string, text: string): string =>
  createHmac('sha256', secret).update(text).digest('hex');

describe('signatureHeader', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>"> per secret, current first', () => {
    expect(signatureHeader(BODY, ['new', 'old'], T)).toBe(
      `t=${T},v1=${hmac('new', `${T}.${BODY}`)},v1=${hmac('old', `${T}.${BODY}`)}`,
    );
  });

  it('signs bytes the same as the string they encode', () => {
    expect(signatureHeader(Buffer.from(BODY), ['k'], T)).toBe(signatureHeader(BODY, ['k'], T));
  });

  it.each<[string, readonly string[], number]>([
    ['no secret', [], T],
    ['a fractional timestamp', ['k'], 1.5],
    ['a negative timestamp', ['k'], -1],
  ])('refuses %s', (_case, secrets, timestamp) => {
    expect(() => signatureHeader(BODY, secrets, timestamp)).toThrow(RangeError);
  });
});

describe('verifyWebhookSignature', () => {
  const header = signatureHeader(BODY, ['current'], T);

  it.each<
    [
      string,
      Parameters<typeof verifyWebhookSignature>[0],
      ReturnType<typeof verifyWebhookSignature>,
    ]
  >([
    [
      'a valid signature',
      { header, body: BODY, secrets: 'current', now: T },
      { valid: true, timestamp: T },
    ],
    [
      'a valid signature on the raw bytes, 299 s old',
      { header, body: Buffer.from(BODY), secrets: ['current'], now: T + 299 },
      { valid: true, timestamp: T },
    ],
    [
      'a tampered body',
      { header, body: BODY.replace('222222222222', '333333333333'), secrets: 'current', now: T },
      { valid: false, reason: 'mismatch' },
    ],
    [
      'another secret',
      { header, body: BODY, secrets: 'other', now: T },
      { valid: false, reason: 'mismatch' },
    ],
    [
      'a replay 301 s later',
      { header, body: BODY, secrets: 'current', now: T + 301 },
      { valid: false, reason: 'expired' },
    ],
    [
      'a timestamp 301 s in the future',
      { header, body: BODY, secrets: 'current', now: T - 301 },
      { valid: false, reason: 'expired' },
    ],
    [
      'a shorter tolerance',
      { header, body: BODY, secrets: 'current', now: T + 61, toleranceSeconds: 60 },
      { valid: false, reason: 'expired' },
    ],
    [
      'a timestamp changed to look fresh',
      {
        header: header.replace(`t=${T}`, `t=${T + 1000}`),
        body: BODY,
        secrets: 'current',
        now: T + 1000,
      },
      { valid: false, reason: 'mismatch' },
    ],
    [
      'no header',
      { header: undefined, body: BODY, secrets: 'current', now: T },
      { valid: false, reason: 'missing' },
    ],
    [
      'an empty header',
      { header: ' ', body: BODY, secrets: 'current', now: T },
      { valid: false, reason: 'missing' },
    ],
    [
      'the v1 body-only form',
      { header: `sha256=${hmac('current', BODY)}`, body: BODY, secrets: 'current', now: T },
      { valid: false, reason: 'malformed' },
    ],
    [
      'a header without v1',
      { header: `t=${T}`, body: BODY, secrets: 'current', now: T },
      { valid: false, reason: 'malformed' },
    ],
    [
      'two timestamps',
      { header: `t=${T},${header}`, body: BODY, secrets: 'current', now: T },
      { valid: false, reason: 'malformed' },
    ],
    [
      'a v1 that is not 64 hex digits',
      { header: `t=${T},v1=abc`, body: BODY, secrets: 'current', now: T },
      { valid: false, reason: 'malformed' },
    ],
    [
      'a huge header',
      {
        header: `${header}${',v1='.padEnd(70, 'a').repeat(40)}`,
        body: BODY,
        secrets: 'current',
        now: T,
      },
      { valid: false, reason: 'malformed' },
    ],
    [
      'a header split by Node into an array, with an unknown scheme',
      {
        header: [`t=${T}`, `v0=zzz,${header.split(',')[1]}`],
        body: BODY,
        secrets: 'current',
        now: T,
      },
      { valid: true, timestamp: T },
    ],
    [
      'only empty secrets',
      { header, body: BODY, secrets: [''], now: T },
      { valid: false, reason: 'mismatch' },
    ],
  ])('%s', (_case, input, expected) => {
    expect(verifyWebhookSignature(input)).toStrictEqual(expected);
  });

  describe('during a rotation (signed with the new and the previous secret)', () => {
    const rotating = signatureHeader(BODY, ['new', 'previous'], T);

    it.each([
      ['a receiver still on the previous secret', ['previous']],
      ['a receiver already on the new secret', ['new']],
      ['a receiver accepting both', ['previous', 'new']],
    ])('%s accepts it', (_case, secrets) => {
      expect(
        verifyWebhookSignature({ header: rotating, body: BODY, secrets, now: T }),
      ).toStrictEqual({
        valid: true,
        timestamp: T,
      });
    });

    it('a receiver with neither refuses it', () => {
      expect(
        verifyWebhookSignature({ header: rotating, body: BODY, secrets: ['older'], now: T }),
      ).toStrictEqual({
        valid: false,
        reason: 'mismatch',
      });
    });
  });

  it('uses the system clock by default', () => {
    const now = Math.floor(Date.now() / 1000);
    expect([
      verifyWebhookSignature({
        header: signatureHeader(BODY, ['k'], now),
        body: BODY,
        secrets: 'k',
      }).valid,
      verifyWebhookSignature({
        header: signatureHeader(BODY, ['k'], now - 3600),
        body: BODY,
        secrets: 'k',
      }).valid,
    ]).toStrictEqual([true, false]);
  });
});
