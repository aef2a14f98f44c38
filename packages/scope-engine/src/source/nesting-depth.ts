/**
 * The deepest nesting a document may have. Configurations and snapshots nest fewer than ten
 * levels; the limit only stops pathological input before a parser builds it (a few MB of `[`
 * would otherwise take gigabytes, minutes, or the whole stack).
 */
export const MAX_NESTING_DEPTH = 100;

/** Where a text first nests deeper than allowed. */
export interface TooDeep {
  /** 1-based line of the bracket that went one level too deep. */
  readonly line: number;
  /** The limit that was passed. */
  readonly limit: number;
}

/**
 * A `[`, `{` or quote that starts a value (after a space, a bracket, `,` or `:`), not one inside a
 * plain scalar such as `a[1]` or `it's`.
 */
function opensCollection(text: string, i: number): boolean {
  const before = i > 0 ? text.charCodeAt(i - 1) : 10;
  return before <= 32 || before === 91 || before === 123 || before === 44 || before === 58;
}

/**
 * Scans JSON or YAML text for flow collections (`[` and `{`) nested deeper than `limit`, outside
 * quoted strings and (in YAML) comments, in one pass without building anything; `- ` indicators
 * that open nested block sequences on one line (`- - - x`) count as levels too. Returns where the
 * limit is first passed, or `undefined`.
 *
 * @example
 * ```ts
 * tooDeep('a: ' + '['.repeat(101) + ']'.repeat(101)); // { line: 1, limit: 100 }
 * tooDeep('a: [[1]]'); // undefined
 * ```
 */
export function tooDeep(text: string, limit = MAX_NESTING_DEPTH): TooDeep | undefined {
  let depth = 0;
  let line = 1;
  let quote = 0; // 0, or the char code of the open quote
  let lineStart = true;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = true;
      dashes = 0;
      if (quote === 0) continue;
    }
    if (quote !== 0) {
      if (c === 92 && quote === 34)
        i++; // backslash escape inside "…"
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 || c === 39) {
      // A quote opens a string at the start of a scalar; inside a plain scalar (it's) it is text.
      if (opensCollection(text, i)) quote = c;
      lineStart = false;
      continue;
    }
    if (c === 35 && (i === 0 || text.charCodeAt(i - 1) <= 32)) {
      // A comment runs to the end of the line.
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 10) i++;
      continue;
    }
    if ((c === 91 || c === 123) && opensCollection(text, i)) {
      if (++depth + dashes > limit) return { line, limit };
    } else if (c === 93 || c === 125) {
      depth = Math.max(0, depth - 1);
    } else if (c === 45 && lineStart && (text.charCodeAt(i + 1) === 32 || i + 1 === text.length)) {
      if (++dashes + depth > limit) return { line, limit };
      continue;
    }
    if (c !== 32 && c !== 9) lineStart = false;
  }
  return undefined;
}
