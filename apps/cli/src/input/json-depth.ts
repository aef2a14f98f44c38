/** The deepest nesting an event may have: EventBridge events nest a few levels; AWS allows fewer than 100. */
export const MAX_EVENT_DEPTH = 100;

/**
 * The 1-based line where JSON `text` first nests deeper than `limit` (objects and arrays, outside
 * strings), or `undefined`. One pass, nothing built: a few MB of `[` is refused before `JSON.parse`
 * builds it and before anything walks it recursively.
 *
 * @example
 * ```ts
 * jsonTooDeepAt('[[[1]]]', 2); // 1
 * jsonTooDeepAt('{"a": [1]}', 2); // undefined
 * ```
 */
export function jsonTooDeepAt(text: string, limit = MAX_EVENT_DEPTH): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return line;
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}
