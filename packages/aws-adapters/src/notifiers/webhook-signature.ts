/**
 * The webhook signature: HMAC-SHA256 of the exact body bytes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Name of the header carrying the signature. */
export const SIGNATURE_HEADER = 'X-Signature';

/**
 * `sha256=<hex HMAC-SHA256 of body with secret>`, the value of the `X-Signature` header.
 *
 * @example
 * ```ts
 * signBody('{"accountId":"222222222222"}', secret); // 'sha256=5f1c…'
 * ```
 */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * Checks a received signature in constant time (for receivers and tests).
 *
 * @example
 * ```ts
 * if (!verifySignature(rawBody, request.headers['x-signature'], secret)) reject();
 * ```
 */
export function verifySignature(
  body: string,
  signature: string | undefined,
  secret: string,
): boolean {
  if (signature === undefined) return false;
  const expected = Buffer.from(signBody(body, secret));
  const received = Buffer.from(signature);
  return expected.length === received.length && timingSafeEqual(expected, received);
}
