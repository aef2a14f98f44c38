/** The class of a literal IP address (or `localhost`) a webhook URL names. */
export type AddressClass =
  | 'loopback'
  | 'link-local'
  | 'unspecified'
  | 'multicast or broadcast'
  | 'instance metadata'
  | 'private'
  | 'public';

function ipv4Class(octets: readonly number[]): AddressClass {
  const [a = 0, b = 0] = octets;
  if (a === 127) return 'loopback';
  if (a === 0) return 'unspecified';
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224) return 'multicast or broadcast';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  return 'public';
}

function parseIpv4(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return undefined;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : undefined;
}

/** The 8 groups of an IPv6 address as the URL parser prints it (compressed, lower-case hex). */
function parseIpv6(host: string): number[] | undefined {
  const halves = host.split('::');
  if (halves.length > 2) return undefined;
  const groups = (text: string | undefined) =>
    text === undefined || text === '' ? [] : text.split(':').map((g) => parseInt(g, 16));
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const all = [...head, ...Array<number>(fill).fill(0), ...tail];
  return all.length === 8 && all.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? all
    : undefined;
}

function ipv6Class(g: readonly number[]): AddressClass {
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  const zeroUntil = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUntil(7) && g7 === 0) return 'unspecified';
  if (zeroUntil(7) && g7 === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d).
  if (zeroUntil(5) && (g5 === 0xffff || g5 === 0)) return ipv4Class(embedded);
  if (g0 === 0x64 && g1 === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return ipv4Class(embedded);
  if (g0 === 0xfd00 && g1 === 0xec2 && g.slice(2, 7).every((x) => x === 0) && g7 === 0x254)
    return 'instance metadata';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xff00) === 0xff00) return 'multicast or broadcast';
  if ((g0 & 0xfe00) === 0xfc00) return 'private';
  return 'public';
}

/**
 * The class of the host of a parsed URL: a literal IPv4 or IPv6 address (in any form the URL
 * parser accepts: `2130706433`, `0x7f.1`, `[::ffff:127.0.0.1]`…), `localhost`, or `public` for
 * any other name (names are checked again after DNS resolution when the webhook is sent).
 *
 * @example
 * ```ts
 * hostClass(new URL('https://169.254.169.254/')); // 'link-local'
 * hostClass(new URL('https://10.0.0.1/')); // 'private'
 * ```
 */
export function hostClass(url: URL): AddressClass {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (host.startsWith('[') && host.endsWith(']')) {
    const groups = parseIpv6(host.slice(1, -1));
    return groups === undefined ? 'public' : ipv6Class(groups);
  }
  const octets = parseIpv4(host);
  return octets === undefined ? 'public' : ipv4Class(octets);
}

/**
 * Why a webhook URL is refused, or `undefined` when it is accepted: not a URL, not `https://`,
 * user-info (`user:password@`), or a destination that is loopback, link-local (instance metadata
 * included), unspecified, multicast or broadcast — always refused — or private (10/8, 172.16/12,
 * 192.168/16, 100.64/10, fc00::/7) unless `allowPrivateNetwork` is set.
 *
 * @example
 * ```ts
 * webhookUrlProblem('https://127.0.0.1/hook', false); // 'the destination 127.0.0.1 is a loopback address (always refused)'
 * webhookUrlProblem('https://hooks.example.com/x', false); // undefined
 * ```
 */
export function webhookUrlProblem(text: string, allowPrivateNetwork: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:') return 'expected an https:// URL';
  if (url.username !== '' || url.password !== '')
    return 'must not contain user-info (user:password@): put credentials in the secret';
  const kind = hostClass(url);
  if (kind === 'public') return undefined;
  if (kind === 'private') {
    return allowPrivateNetwork
      ? undefined
      : `the destination ${url.hostname} is a private address (set allowPrivateNetwork: true to allow it)`;
  }
  const what =
    kind === 'instance metadata'
      ? 'the instance metadata address'
      : `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} address`;
  return `the destination ${url.hostname} is ${what} (always refused)`;
}
