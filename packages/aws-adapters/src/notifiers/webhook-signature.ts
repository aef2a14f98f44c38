/**
 * The webhook signature: `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`,
 * one `v1=` per active signing secret (two while a secret is being rotated). Signing the
 * timestamp with the body lets receivers refuse replays of an old delivery.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Name of the header carrying the signature. */
export const SIGNATURE_HEADER = 'X-Signature';

/** How old (or how far in the future) a signature may be before receivers refuse it: 5 minutes. */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

/** Longest header {@link verifyWebhookSignature} parses (a few secrets' worth of `v1=`). */
const MAX_HEADER_LENGTH = 2_048;
const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** Hex HMAC-SHA256 of `"<timestamp>.<body>"` with `secret`. */
function hmacHex(timestamp: number, body: string | Uint8Array, secret: string): string {
  const hmac = createHmac('sha256', secret).update(`${timestamp}.`, 'utf8');
  if (typeof body === 'string') hmac.update(body, 'utf8');
  else hmac.update(body);
  return hmac.digest('hex');
}

/**
 * The `X-Signature` value for `body` sent at `timestamp`: `t=<timestamp>,v1=<hex>` with one
 * `v1=` per secret, in the order given (the current secret first).
 *
 * @param timestamp - Unix seconds.
 * @example
 * ```ts
 * signatureHeader('{"accountId":"222222222222"}', ['current', 'previous'], 1767225600);
 * // 't=1767225600,v1=5f1c…,v1=a03e…'
 * ```
 */
export function signatureHeader(
  body: string | Uint8Array,
  secrets: readonly string[],
  timestamp: number,
): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError('The signature timestamp must be whole Unix seconds');
  }
  if (secrets.length === 0) throw new RangeError('At least one signing secret is needed');
  const signatures = secrets.map((secret) => `v1=${hmacHex(timestamp, body, secret)}`);
  return [`t=${timestamp}`, ...signatures].join(',');
}

/** What {@link verifyWebhookSignature} is given. */
export interface VerifyWebhookSignatureInput {
  /** The received `X-Signature` header (Node gives `string | string[] | undefined`). */
  readonly header: string | readonly string[] | undefined;
  /** The raw request body exactly as received — not re-serialized JSON. */
  readonly body: string | Uint8Array;
  /** The receiver's secret, or every secret it accepts (old and new during a rotation). */
  readonly secrets: string | readonly string[];
  /** Largest accepted age (either direction) of `t`, in seconds. @default 300 */
  readonly toleranceSeconds?: number;
  /** The current time in Unix seconds. @default Math.floor(Date.now() / 1000) */
  readonly now?: number;
}

/** Why a signature was refused. */
export type SignatureRefusal = 'missing' | 'malformed' | 'expired' | 'mismatch';

/** The outcome of {@link verifyWebhookSignature}. */
export type WebhookSignatureCheck =
  | { readonly valid: true; readonly timestamp: number }
  | { readonly valid: false; readonly reason: SignatureRefusal };

/** `t` and every `v1` of a header, or `null` when it is not in the expected form. */
function parseHeader(header: string): { timestamp: number; signatures: string[] } | null {
  if (header.length > MAX_HEADER_LENGTH) return null;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) return null;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) return null;
      signatures.push(value);
    }
    // Other schemes (a future v2=) are ignored, so senders can add them without breaking receivers.
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/** Whether any received signature equals any expected one, comparing in constant time. */
function anyMatches(received: readonly string[], expected: readonly string[]): boolean {
  let matched = false;
  for (const candidate of received) {
    const candidateBytes = Buffer.from(candidate, 'hex');
    for (const signature of expected) {
      // Both are 32 bytes (the header parser checked the received ones), so no length leak.
      matched = timingSafeEqual(candidateBytes, Buffer.from(signature, 'hex')) || matched;
    }
  }
  return matched;
}

/**
 * Checks a received webhook signature: the header must be `t=<unix seconds>,v1=<hex>[,v1=…]`,
 * `t` within `toleranceSeconds` of `now` (replays of old deliveries are refused), and one `v1`
 * must be the HMAC-SHA256 of `"<t>.<body>"` with one of `secrets` (compared in constant time).
 * Pure apart from the default clock; never throws on hostile input.
 *
 * @example
 * ```ts
 * const check = verifyWebhookSignature({
 *   header: request.headers['x-signature'],
 *   body: rawBody, // the bytes received, before any JSON parsing
 *   secrets: [process.env.WEBHOOK_SECRET, process.env.WEBHOOK_SECRET_PREVIOUS].filter(Boolean),
 * });
 * if (!check.valid) return response.status(401).send(check.reason);
 * ```
 */
export function verifyWebhookSignature(input: VerifyWebhookSignatureInput): WebhookSignatureCheck {
  const header = typeof input.header === 'string' ? input.header : input.header?.join(',');
  if (header === undefined || header.trim() === '') return { valid: false, reason: 'missing' };
  const parsed = parseHeader(header);
  if (parsed === null) return { valid: false, reason: 'malformed' };
  const now = input.now ?? Math.floor(Date.now() / 1000);
  const tolerance = input.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
  if (Math.abs(now - parsed.timestamp) > tolerance) return { valid: false, reason: 'expired' };
  const secrets = (typeof input.secrets === 'string' ? [input.secrets] : input.secrets).filter(
    (secret) => secret.length > 0,
  );
  const expected = secrets.map((secret) => hmacHex(parsed.timestamp, input.body, secret));
  return anyMatches(parsed.signatures, expected)
    ? { valid: true, timestamp: parsed.timestamp }
    : { valid: false, reason: 'mismatch' };
}
