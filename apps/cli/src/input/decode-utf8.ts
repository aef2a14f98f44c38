import { InputError } from '../errors';

const strict = new TextDecoder('utf-8', { fatal: true });

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when it is invalid there. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    // No overlong forms (E0 A0…) and no surrogates (ED 80–9F).
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Where the first invalid UTF-8 sequence of `bytes` starts: its byte offset, 1-based line and
 * column (in characters), or `undefined` when every byte is valid.
 *
 * @example
 * ```ts
 * firstInvalidUtf8(Buffer.from([0x61, 0x0a, 0x62, 0xff])); // { offset: 3, line: 2, column: 2 }
 * ```
 */
export function firstInvalidUtf8(
  bytes: Uint8Array,
): { offset: number; line: number; column: number } | undefined {
  let line = 1;
  let column = 1;
  for (let i = 0; i < bytes.length;) {
    const length = sequenceAt(bytes, i);
    if (length === 0) return { offset: i, line, column };
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += length;
  }
  return undefined;
}

/**
 * Decodes an input file strictly: invalid UTF-8 is an {@link InputError} (exit 1) naming the file,
 * the line and column and the offending byte, instead of text silently carrying U+FFFD where a
 * name was. A leading byte order mark is dropped.
 *
 * @example
 * ```ts
 * const text = decodeUtf8(readFileSync('governance.yaml'), 'governance.yaml');
 * ```
 */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return strict.decode(bytes);
  } catch (error) {
    const where = firstInvalidUtf8(bytes);
    const at =
      where === undefined
        ? ''
        : ` at line ${where.line}, column ${where.column} (byte 0x${(bytes[where.offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at offset ${where.offset})`;
    throw new InputError(
      `${path} is not valid UTF-8${at}: save it as UTF-8 (nothing is replaced silently)`,
      [],
      { cause: error },
    );
  }
}
