/**
 * SNS `Subject` rules: text starting with a letter, number or punctuation mark, no line breaks
 * or control characters, fewer than 100 characters.
 */

/** The longest subject SNS accepts ("must be less than 100 characters long"). */
export const SNS_SUBJECT_MAX_LENGTH = 99;

/** The subject used when nothing printable is left. */
export const DEFAULT_SNS_SUBJECT = 'Notification';

/** What marks a cut subject (ASCII, so it is valid wherever the subject is). */
const ELLIPSIS = '...';

/** Control characters (C0, DEL, C1) and line/paragraph separators: they become a space. */
function isBreaking(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/**
 * Invisible format characters that can disguise text: bidi embeddings, overrides, isolates and
 * marks, zero-width characters, the BOM, and lone surrogates (not valid UTF-8): removed.
 */
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|\p{Cs}/gu;

/** Leading characters that are neither a letter, a number nor punctuation (SNS refuses them). */
const BAD_START = /^[^\p{L}\p{N}\p{P}!-/:-@[-`{-~]+/u;

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  let end = Math.min(max, text.length);
  const last = text.charCodeAt(end - 1);
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd();
}

/**
 * A subject SNS accepts: control characters become spaces, bidi and zero-width characters are
 * removed, whitespace runs collapse to one space, leading symbols are dropped, and a subject
 * longer than {@link SNS_SUBJECT_MAX_LENGTH} is cut with `...` inside that limit (counted in
 * UTF-16 units, which is never fewer than characters). Empty → {@link DEFAULT_SNS_SUBJECT}.
 *
 * @example
 * ```ts
 * toSnsSubject('New account\n222222222222'); // 'New account 222222222222'
 * toSnsSubject('\u202e\u0007'); // 'Notification'
 * ```
 */
export function toSnsSubject(subject: string): string {
  const flat = Array.from(subject, (char) => (isBreaking(char.charCodeAt(0)) ? ' ' : char))
    .join('')
    .replace(INVISIBLE, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(BAD_START, '');
  if (flat.length === 0) return DEFAULT_SNS_SUBJECT;
  if (flat.length <= SNS_SUBJECT_MAX_LENGTH) return flat;
  return `${cut(flat, SNS_SUBJECT_MAX_LENGTH - ELLIPSIS.length)}${ELLIPSIS}`;
}
