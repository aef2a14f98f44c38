import type { EventIssue } from '../domain/parse-result';

/**
 * The largest raw event accepted, in bytes of its UTF-8 JSON serialization: 1 MiB, the
 * EventBridge event size limit (raised from 256 KB on 2026-01-29, together with SQS and
 * asynchronous Lambda payloads). Organizations and Control Tower events weigh a few KB; anything
 * larger than EventBridge can deliver did not come from AWS and is refused before validation.
 *
 * @example
 * ```ts
 * MAX_EVENT_BYTES; // 1048576
 * ```
 */
export const MAX_EVENT_BYTES = 1024 * 1024;

/**
 * UTF-8 byte length of a string produced by `JSON.stringify` (which escapes lone surrogates, so
 * every surrogate here belongs to a pair: 4 bytes per pair, i.e. 2 per code unit).
 */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** `1048576` → `"1,048,576"` (locale-independent). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The issue that refuses `raw` because its serialization exceeds {@link MAX_EVENT_BYTES}, or
 * because it is not serializable JSON at all (a `BigInt`, a cycle, nesting deeper than the stack);
 * `null` when it is within the limit. Never throws.
 *
 * @example
 * ```ts
 * eventSizeIssue({ source: 'aws.organizations' }); // null
 * eventSizeIssue({ detail: 'x'.repeat(2_000_000) });
 * // { path: '$', expected: 'at most 1,048,576 bytes of JSON (1 MiB, the EventBridge event size limit), not 2,000,013 bytes' }
 * ```
 */
export function eventSizeIssue(raw: unknown): EventIssue | null {
  let json: string | undefined;
  try {
    json = JSON.stringify(raw);
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return { path: '$', expected: `a JSON value (it cannot be serialized: ${why})` };
  }
  // Each UTF-16 code unit is 1 to 3 bytes: skip the count when even 3 bytes each would fit.
  if (json === undefined || json.length * 3 <= MAX_EVENT_BYTES) return null;
  const bytes = utf8Length(json);
  if (bytes <= MAX_EVENT_BYTES) return null;
  return {
    path: '$',
    expected:
      `at most ${grouped(MAX_EVENT_BYTES)} bytes of JSON (1 MiB, the EventBridge event size ` +
      `limit), not ${grouped(bytes)} bytes`,
  };
}
