/**
 * What kind of network an IP address belongs to, for deciding where a webhook may connect.
 */
import { isIP } from 'node:net';

/**
 * - `public`: anywhere on the internet.
 * - `private`: RFC 1918 (10/8, 172.16/12, 192.168/16), shared address space (100.64/10) and
 *   unique local IPv6 (fc00::/7) — allowed only for targets with `allowPrivateNetwork: true`.
 * - `loopback`, `link-local`, `metadata` (instance metadata: 169.254.169.254, fd00:ec2::/32),
 *   `unspecified` (0.0.0.0/8, ::) and `reserved` (multicast, broadcast, 240/4) — never allowed.
 */
export type AddressClass =
  'public' | 'private' | 'loopback' | 'link-local' | 'metadata' | 'unspecified' | 'reserved';

interface Range {
  readonly prefix: readonly number[];
  readonly bits: number;
  readonly addressClass: AddressClass;
}

const range = (prefix: readonly number[], bits: number, addressClass: AddressClass): Range => ({
  prefix,
  bits,
  addressClass,
});

/** IPv4 ranges, most specific first (metadata before link-local). */
const IPV4_RANGES: readonly Range[] = [
  range([169, 254, 169, 254], 32, 'metadata'),
  range([169, 254, 170, 2], 32, 'metadata'),
  range([0], 8, 'unspecified'),
  range([127], 8, 'loopback'),
  range([169, 254], 16, 'link-local'),
  range([10], 8, 'private'),
  range([172, 16], 12, 'private'),
  range([192, 168], 16, 'private'),
  range([100, 64], 10, 'private'),
  range([224], 4, 'reserved'),
  range([240], 4, 'reserved'),
];

/** IPv6 ranges (as bytes), most specific first (EC2 metadata before unique local). */
const IPV6_RANGES: readonly Range[] = [
  range([0xfd, 0x00, 0x0e, 0xc2], 32, 'metadata'),
  range([0xfe, 0x80], 10, 'link-local'),
  range([0xfc], 7, 'private'),
  range([0xff], 8, 'reserved'),
];

/** IPv6 prefixes whose last 32 bits are an IPv4 address, classified as that address. */
const IPV4_EMBEDDING: readonly Range[] = [
  range([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96, 'public'), // ::ffff:a.b.c.d (mapped)
  range([0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 96, 'public'), // 64:ff9b::/96 (NAT64)
  range([0x20, 0x02], 16, 'public'), // 2002::/16 (6to4: bytes 2-5)
];

function inRange(bytes: readonly number[], { prefix, bits }: Range): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((prefix[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

const ipv4Bytes = (address: string): number[] => address.split('.').map(Number);

/** The 16 bytes of a valid IPv6 address (zone id dropped, embedded IPv4 tail allowed). */
function ipv6Bytes(address: string): number[] {
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [];
  const groups = (text: string | undefined): number[] => {
    if (text === undefined || text === '') return [];
    return text.split(':').flatMap((group) => {
      if (!group.includes('.')) return [Number.parseInt(group, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = ipv4Bytes(group);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const start = groups(head);
  const end = groups(tail);
  const words = [...start, ...Array<number>(8 - start.length - end.length).fill(0), ...end];
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

function classifyIpv4(bytes: readonly number[]): AddressClass {
  if (bytes.every((byte) => byte === 255)) return 'reserved';
  return IPV4_RANGES.find((r) => inRange(bytes, r))?.addressClass ?? 'public';
}

function classifyIpv6(bytes: readonly number[]): AddressClass {
  if (bytes.slice(0, 12).every((byte) => byte === 0)) {
    const last = bytes.slice(12);
    if (last.every((byte) => byte === 0)) return 'unspecified';
    if (last.slice(0, 3).every((byte) => byte === 0) && last[3] === 1) return 'loopback';
    return classifyIpv4(last); // ::a.b.c.d (IPv4-compatible, deprecated)
  }
  const embedding = IPV4_EMBEDDING.find((r) => inRange(bytes, r));
  if (embedding !== undefined) {
    return classifyIpv4(embedding.bits === 16 ? bytes.slice(2, 6) : bytes.slice(12));
  }
  return IPV6_RANGES.find((r) => inRange(bytes, r))?.addressClass ?? 'public';
}

/**
 * Classifies an IPv4 or IPv6 address; IPv6 forms that carry an IPv4 address (mapped, NAT64,
 * 6to4, compatible) are classified as that IPv4 address, so `::ffff:127.0.0.1` is loopback.
 *
 * @throws {TypeError} when `address` is not an IP address.
 * @example
 * ```ts
 * classifyAddress('169.254.169.254'); // 'metadata'
 * classifyAddress('10.1.2.3'); // 'private'
 * classifyAddress('::ffff:7f00:1'); // 'loopback'
 * ```
 */
export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 4) return classifyIpv4(ipv4Bytes(address));
  if (family === 6) return classifyIpv6(ipv6Bytes(address));
  throw new TypeError(`Not an IP address: ${JSON.stringify(address.slice(0, 64))}`);
}
