/**
 * URLs safe to put in errors and logs: no credentials, query, fragment or token-like path parts.
 */

/** What replaces a path segment that may be a token. */
export const REDACTED_SEGMENT = '***';

/**
 * Path segments kept as they are: short lower-case words (`hooks`, `web_hooks.json`) and
 * versions (`v1`, `api-v2`). Anything with capitals, many digits or encoding may be a token.
 */
const PLAIN_SEGMENT = /^(?:[a-z][a-z_.-]{0,23}|v\d{1,2}|[a-z]{1,8}[-_]?v?\d{1,2})$/;

/**
 * `scheme://host[:port]/path` of an HTTP(S) `url` with the userinfo, the query and the fragment removed and
 * every path segment that is not a plain word replaced by `***` (tokens often sit in the path,
 * e.g. `/services/T0/B0/XXXX`). An unparsable or non-HTTP(S) URL becomes `<invalid URL>`.
 *
 * @example
 * ```ts
 * redactUrl('https://user:pw@hooks.example.com/hooks/a1b2c3d4e5f6?token=s3cr3t');
 * // 'https://hooks.example.com/hooks/***'
 * ```
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '<invalid URL>';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return '<invalid URL>';
  const path = parsed.pathname
    .split('/')
    .map((segment) => (segment === '' || PLAIN_SEGMENT.test(segment) ? segment : REDACTED_SEGMENT))
    .join('/');
  return `${parsed.protocol}//${parsed.host}${path === '/' ? '' : path}`;
}

/** Anything shaped like an absolute URL inside free text. */
const URL_IN_TEXT = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s'"<>()]+/g;

/**
 * `text` (e.g. a network error's message) with `url` and every other absolute URL in it replaced
 * by its {@link redactUrl} form.
 *
 * @example
 * ```ts
 * redactUrlsIn('Failed to parse URL from https://u:p@x/y?k=1', 'https://u:p@x/y?k=1');
 * // 'Failed to parse URL from https://x/y'
 * ```
 */
export function redactUrlsIn(text: string, url: string): string {
  const withoutUrl = url === '' ? text : text.split(url).join(redactUrl(url));
  return withoutUrl.replace(URL_IN_TEXT, (match) => {
    // Punctuation that ends a sentence is not part of the URL.
    const url = match.replace(/[.,:;!?]+$/, '');
    return `${redactUrl(url)}${match.slice(url.length)}`;
  });
}
