import { displayText, jsonQuote } from '@org/event-schemas';

/** The longest piece of user text a problem message quotes, in code points. */
export const MAX_QUOTED_LENGTH = 80;

/**
 * Characters that render as nothing and that `jsonQuote` leaves as they are: zero-width and
 * format characters, the combining grapheme joiner, Hangul fillers, the braille blank.
 */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Invisible characters shown as `\uXXXX`, so a quoted name shows what it really holds. */
function showInvisible(text: string): string {
  return text.replace(
    INVISIBLE,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

/** `text` cut to `max` code points, ending in `…` when it was longer. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = [...text.slice(0, 2 * (max + 1))];
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : text;
}

/**
 * User text (a key, an id, a name from a document) as a double-quoted string for a problem
 * message: cut to {@link MAX_QUOTED_LENGTH} code points, and every control, separator, bidi and
 * invisible character escaped (`jsonQuote`, then `\uXXXX`), so a message stays one short, inert
 * line that shows what the text really holds.
 *
 * @example
 * ```ts
 * quoteText('prod'); // '"prod"'
 * quoteText('k\u001b[2J'); // '"k\\u001b[2J"'
 * quoteText('y'.repeat(1_000_000)).length; // 82
 * ```
 */
export function quoteText(text: string): string {
  return showInvisible(jsonQuote(cut(text, MAX_QUOTED_LENGTH)));
}

/**
 * User text shown without quotes (inside `{…}`, or already JSON): escaped and cut like
 * {@link quoteText}.
 */
export function bareText(text: string): string {
  return showInvisible(displayText(text, MAX_QUOTED_LENGTH));
}
