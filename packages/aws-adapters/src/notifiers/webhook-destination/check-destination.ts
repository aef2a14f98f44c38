/**
 * Where a webhook may be delivered: an `https://` URL without user-info whose host resolves
 * only to addresses the policy allows. The address checked is the address connected to.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type AddressClass, classifyAddress } from './address-class';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name to every address it has (tests inject fakes). */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** Every address of `hostname` from the system resolver (`dns.lookup` with `all`). */
export const systemResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/** Which addresses a delivery may connect to. */
export interface DestinationPolicy {
  /** Private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) too. */
  readonly allowPrivateNetwork: boolean;
  /**
   * Exact addresses allowed whatever their class — only for local receivers in tests and the
   * local stack (e.g. `['127.0.0.1']`). Empty in production.
   */
  readonly allowAddresses: readonly string[];
}

/** A check that passed with its value, or failed with a reason fit for an error message. */
export type DestinationCheck<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const refused = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/**
 * Parses a webhook URL and refuses what may never be a destination: anything but `https:`,
 * and user-info (`user:password@`), which would put credentials on the wire and in logs.
 *
 * @example
 * ```ts
 * checkWebhookUrl('http://cmdb.example.com/h'); // { ok: false, reason: 'only https:// URLs …' }
 * ```
 */
export function checkWebhookUrl(url: string): DestinationCheck<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refused('the URL is not valid');
  }
  if (parsed.protocol !== 'https:') {
    return refused(`only https:// URLs are allowed (got ${parsed.protocol}//)`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return refused('URLs with user-info (user:password@host) are refused');
  }
  return { ok: true, value: parsed };
}

/** Why an address class is refused, or `null` when `policy` allows it. */
function refusalOf(addressClass: AddressClass, policy: DestinationPolicy): string | null {
  if (addressClass === 'public') return null;
  if (addressClass === 'private') {
    return policy.allowPrivateNetwork
      ? null
      : 'a private address, allowed only for targets with allowPrivateNetwork: true';
  }
  const article = addressClass === 'unspecified' ? 'an' : 'a';
  return `${article} ${addressClass} address, which webhooks may never reach`;
}

/**
 * Resolves the URL's host (an IP literal is taken as is) and checks **every** address it
 * resolves to against `policy`; the first address is the one to connect to, so a DNS answer
 * that changes after the check (rebinding) cannot redirect the delivery.
 *
 * @throws whatever `resolve` throws (an unknown host, a resolver timeout): a network error.
 * @example
 * ```ts
 * const check = await checkDestination(url, { allowPrivateNetwork: false, allowAddresses: [] });
 * if (check.ok) connectTo(check.value.address);
 * ```
 */
export async function checkDestination(
  url: URL,
  policy: DestinationPolicy,
  resolve: HostResolver = systemResolver,
): Promise<DestinationCheck<ResolvedAddress>> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  const addresses: readonly ResolvedAddress[] =
    literal === 0 ? await resolve(host) : [{ address: host, family: literal === 6 ? 6 : 4 }];
  const [first] = addresses;
  if (first === undefined) return refused(`${host} resolves to no address`);
  for (const { address } of addresses) {
    if (policy.allowAddresses.includes(address)) continue;
    let reason: string | null;
    try {
      reason = refusalOf(classifyAddress(address), policy);
    } catch {
      reason = 'not an IP address';
    }
    if (reason !== null) {
      const resolved = literal === 0 ? `${host} resolves to ${address}` : address;
      return refused(`${resolved}: ${reason}`);
    }
  }
  return { ok: true, value: first };
}
