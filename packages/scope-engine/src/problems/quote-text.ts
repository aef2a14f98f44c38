import { displayText, jsonQuote } from '@org/event-schemas';

/** The longest piece of user text a problem message quotes, in code points. */
export const MAX_QUOTED_LENGTH = 80;

/** `text` cut to `max` code points, ending in `…` when it was longer. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = [...text.slice(0, 2 * (max + 1))];
  return points.length > max ? `${points.slice(0, max - 1).join('')}…` : text;
}

/**
 * User text (a key, an id, a name from a document) as a double-quoted string for a problem
 * message: cut to {@link MAX_QUOTED_LENGTH} code points, and every control, separator and bidi
 * character escaped (`jsonQuote`), so a message stays one short, inert line.
 *
 * @example
 * ```ts
 * quoteText('prod'); // '"prod"'
 * quoteText('k\u001b[2J'); // '"k\\u001b[2J"'
 * quoteText('y'.repeat(1_000_000)).length; // 82
 * ```
 */
export function quoteText(text: string): string {
  return jsonQuote(cut(text, MAX_QUOTED_LENGTH));
}

/**
 * User text shown without quotes (inside `{…}`, or already JSON): escaped and cut like
 * {@link quoteText}.
 */
export function bareText(text: string): string {
  return displayText(text, MAX_QUOTED_LENGTH);
}
