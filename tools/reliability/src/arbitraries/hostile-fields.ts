import { BlockList } from 'node:net';
import * as fc from 'fast-check';

/** Characters that render as nothing (format characters and fillers) or control a terminal. */
export const INVISIBLE_CHARACTERS: readonly string[] = [
  '\u200b', // zero-width space
  '\u200c', // zero-width non-joiner
  '\u200d', // zero-width joiner
  '\u2060', // word joiner
  '\ufeff', // byte order mark
  '\u00ad', // soft hyphen
  '\u202e', // right-to-left override
  '\u2066', // left-to-right isolate
  '\u061c', // Arabic letter mark
  '\u180e', // Mongolian vowel separator
  '\u034f', // combining grapheme joiner
  '\u3164', // Hangul filler
  '\u0000',
  '\u001b',
  '\u007f',
  '\u0085',
];

const visibleKey = fc.stringMatching(/^[A-Za-z0-9_.:/=+@-]{1,20}$/);

/** A tag key as it looks, with one invisible or control character hidden in it, and where. */
export const tagKeyWithInvisible = fc
  .tuple(visibleKey, fc.constantFrom(...INVISIBLE_CHARACTERS), fc.nat())
  .map(([key, char, at]) => {
    const position = at % (key.length + 1);
    return { key: key.slice(0, position) + char + key.slice(position), char, position };
  });

/** A tag key of visible characters of any script (letters, digits, `_.:/=+-@`, spaces inside). */
export const visibleTagKey = fc.oneof(
  visibleKey,
  fc.constantFrom('Umgebung', 'コスト センター', 'équipe', 'env:prod', 'a b'),
);

/** How the configuration must treat a destination. */
export type Destination = 'always refused' | 'private' | 'public';

const alwaysRefused = new BlockList();
alwaysRefused.addSubnet('127.0.0.0', 8, 'ipv4');
alwaysRefused.addSubnet('0.0.0.0', 8, 'ipv4');
alwaysRefused.addSubnet('169.254.0.0', 16, 'ipv4');
alwaysRefused.addSubnet('224.0.0.0', 3, 'ipv4');
alwaysRefused.addAddress('::', 'ipv6');
alwaysRefused.addAddress('::1', 'ipv6');
alwaysRefused.addSubnet('fe80::', 10, 'ipv6');
alwaysRefused.addSubnet('ff00::', 8, 'ipv6');
alwaysRefused.addAddress('fd00:ec2::254', 'ipv6');
const privateRanges = new BlockList();
privateRanges.addSubnet('10.0.0.0', 8, 'ipv4');
privateRanges.addSubnet('172.16.0.0', 12, 'ipv4');
privateRanges.addSubnet('192.168.0.0', 16, 'ipv4');
privateRanges.addSubnet('100.64.0.0', 10, 'ipv4');
privateRanges.addSubnet('fc00::', 7, 'ipv6');

/** The oracle: Node's own address lists, independent of the product's classifier. */
function classify(address: string, family: 'ipv4' | 'ipv6'): Destination {
  if (alwaysRefused.check(address, family)) return 'always refused';
  return privateRanges.check(address, family) ? 'private' : 'public';
}

/** An IPv4 address biased towards the special ranges. */
const ipv4 = fc.oneof(
  fc.tuple(
    fc.constantFrom(127, 10, 0, 169, 172, 192, 100, 224, 255),
    fc.nat(255),
    fc.nat(255),
    fc.nat(255),
  ),
  fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.nat(255)),
  fc.constant([169, 254, 169, 254] as const),
);

/** An IPv4 address written in one of the forms a URL parser accepts. */
function ipv4Url(octets: readonly number[], form: number): string {
  const dotted = octets.join('.');
  const n = octets.reduce((acc, o) => acc * 256 + o, 0);
  const hex = (o: number) => o.toString(16).padStart(2, '0');
  switch (form % 5) {
    case 0:
      return dotted;
    case 1:
      return String(n);
    case 2:
      return `0x${n.toString(16)}`;
    case 3:
      return `[::ffff:${dotted}]`;
    default:
      return `[::ffff:${hex(octets[0] ?? 0)}${hex(octets[1] ?? 0)}:${hex(octets[2] ?? 0)}${hex(octets[3] ?? 0)}]`;
  }
}

/** An IPv6 address biased towards the special ranges. */
const ipv6 = fc
  .tuple(
    fc.constantFrom(0, 0xfe80, 0xfc00, 0xfd00, 0xff02, 0x2001, 0x2600, 0xfebf, 0xfec0),
    fc.array(fc.nat(0xffff), { minLength: 7, maxLength: 7 }),
    fc.constantFrom('random', 'loopback', 'unspecified', 'metadata'),
  )
  .map(([head, rest, kind]) => {
    if (kind === 'loopback') return '::1';
    if (kind === 'unspecified') return '::';
    if (kind === 'metadata') return 'fd00:ec2::254';
    return [head, ...rest].map((g) => g.toString(16)).join(':');
  });

/** A webhook URL, whether private networks are allowed, and what the configuration must do. */
export const webhookDestination = fc
  .tuple(
    fc.oneof(
      ipv4.map((octets) => ({ octets, kind: 'ipv4' as const })),
      ipv6.map((address) => ({ address, kind: 'ipv6' as const })),
      fc
        .constantFrom('localhost', 'api.localhost', 'hooks.example.com', 'example.org')
        .map((host) => ({
          host,
          kind: 'name' as const,
        })),
    ),
    fc.nat(),
    fc.boolean(),
    fc.constantFrom('/hook', '/a/b?x=1', ':8443/h', ''),
  )
  .map(([target, form, allowPrivateNetwork, tail]) => {
    let host: string;
    let destination: Destination;
    if (target.kind === 'ipv4') {
      host = ipv4Url(target.octets, form);
      destination = classify(target.octets.join('.'), 'ipv4');
    } else if (target.kind === 'ipv6') {
      host = `[${target.address}]`;
      destination = classify(target.address, 'ipv6');
    } else {
      host = target.host;
      destination = target.host.endsWith('localhost') ? 'always refused' : 'public';
    }
    return { url: `https://${host}${tail}`, allowPrivateNetwork, destination };
  });

const roleName = fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,20}$/);

/**
 * A trusted-principal pattern built from parts — an IAM role ARN, literal or with `*` standing for
 * the end of the name, the path or the account — with the principals it must and must not trust,
 * worked out from the parts (not by the engine's matcher).
 */
export const trustedPrincipalCase = fc
  .record({
    partition: fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'),
    account: fc.stringMatching(/^\d{12}$/),
    otherAccount: fc.stringMatching(/^\d{12}$/),
    path: fc.constantFrom('', 'ops/', 'a/b/'),
    name: roleName,
    other: roleName,
    session: fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,16}$/),
    wildcard: fc.constantFrom('none', 'name', 'path', 'account'),
  })
  .map((c) => {
    const prefix = c.name.slice(0, Math.ceil(c.name.length / 2));
    const path = c.wildcard === 'path' && c.path === '' ? 'ops/' : c.path;
    const pattern =
      `arn:${c.partition}:iam::${c.wildcard === 'account' ? '*' : c.account}:role/` +
      (c.wildcard === 'path' ? '*/' : path) +
      (c.wildcard === 'name' ? `${prefix}*` : c.name);
    const session = (account: string, name: string) =>
      `arn:${c.partition}:sts::${account}:assumed-role/${name}/${c.session}`;
    const nameTrusted = (name: string) =>
      c.wildcard === 'name' ? name.startsWith(prefix) : name === c.name;
    return {
      pattern,
      principals: [
        { arn: `arn:${c.partition}:iam::${c.account}:role/${path}${c.name}`, trusted: true },
        { arn: session(c.account, c.name), trusted: true },
        { arn: session(c.account, c.other), trusted: nameTrusted(c.other) },
        {
          arn: session(c.otherAccount, c.name),
          trusted: c.wildcard === 'account' || c.otherAccount === c.account,
        },
        { arn: `arn:${c.partition}:iam::${c.account}:user/${path}${c.name}`, trusted: false },
        {
          arn: session(c.account, c.name).replace(`arn:${c.partition}:`, 'arn:aws-x:'),
          trusted: false,
        },
      ],
    };
  });
