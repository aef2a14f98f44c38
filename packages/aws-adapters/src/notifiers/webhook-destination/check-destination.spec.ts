import { classifyAddress } from './address-class';
import {
  checkDestination,
  checkWebhookUrl,
  type HostResolver,
  type ResolvedAddress,
  systemResolver,
} from './check-destination';

const resolvingTo =
  (...addresses: string[]): HostResolver =>
  () =>
    Promise.resolve(
      addresses.map((address): ResolvedAddress => ({
        address,
        family: address.includes(':') ? 6 : 4,
      })),
    );

const PRODUCTION = { allowPrivateNetwork: false, allowAddresses: [] };

describe('checkWebhookUrl', () => {
  it.each([
    ['http://hooks.example.com/h', 'only https:// URLs are allowed (got http://)'],
    ['ftp://hooks.example.com/h', 'only https:// URLs are allowed (got ftp://)'],
    [
      'https://user:pass@hooks.example.com/h',
      'URLs with user-info (user:password@host) are refused',
    ],
    ['https://token@hooks.example.com/h', 'URLs with user-info (user:password@host) are refused'],
    ['not a url', 'the URL is not valid'],
  ])('refuses %s', (url, reason) => {
    expect(checkWebhookUrl(url)).toStrictEqual({ ok: false, reason });
  });

  it('accepts an https URL without user-info', () => {
    const check = checkWebhookUrl('https://hooks.example.com:8443/h?x=1');
    expect(check.ok && check.value.href).toBe('https://hooks.example.com:8443/h?x=1');
  });
});

describe('checkDestination', () => {
  const url = new URL('https://hooks.example.com/h');

  it.each<[string, HostResolver, string]>([
    [
      'instance metadata',
      resolvingTo('169.254.169.254'),
      'hooks.example.com resolves to 169.254.169.254: a metadata address, which webhooks may never reach',
    ],
    [
      'loopback',
      resolvingTo('127.0.0.1'),
      'hooks.example.com resolves to 127.0.0.1: a loopback address, which webhooks may never reach',
    ],
    [
      'IPv6 loopback',
      resolvingTo('::1'),
      'hooks.example.com resolves to ::1: a loopback address, which webhooks may never reach',
    ],
    [
      'link-local',
      resolvingTo('fe80::1'),
      'hooks.example.com resolves to fe80::1: a link-local address, which webhooks may never reach',
    ],
    [
      'unspecified',
      resolvingTo('0.0.0.0'),
      'hooks.example.com resolves to 0.0.0.0: an unspecified address, which webhooks may never reach',
    ],
    [
      'EC2 IPv6 metadata',
      resolvingTo('fd00:ec2::254'),
      'hooks.example.com resolves to fd00:ec2::254: a metadata address, which webhooks may never reach',
    ],
    [
      'a public address and a refused one',
      resolvingTo('203.0.113.10', '127.0.0.1'),
      'hooks.example.com resolves to 127.0.0.1: a loopback address, which webhooks may never reach',
    ],
    [
      'a private address',
      resolvingTo('10.0.0.5'),
      'hooks.example.com resolves to 10.0.0.5: a private address, allowed only for targets with allowPrivateNetwork: true',
    ],
    ['no address', resolvingTo(), 'hooks.example.com resolves to no address'],
    [
      'a resolver answer that is not an address',
      resolvingTo('nonsense'),
      'hooks.example.com resolves to nonsense: not an IP address',
    ],
  ])('refuses %s', async (_case, resolve, reason) => {
    await expect(checkDestination(url, PRODUCTION, resolve)).resolves.toStrictEqual({
      ok: false,
      reason,
    });
  });

  it.each([
    ['https://127.0.0.1/h', '127.0.0.1: a loopback address, which webhooks may never reach'],
    ['https://[::1]/h', '::1: a loopback address, which webhooks may never reach'],
    [
      'https://[::ffff:169.254.169.254]/h',
      '::ffff:a9fe:a9fe: a metadata address, which webhooks may never reach',
    ],
    ['https://2130706433/h', '127.0.0.1: a loopback address, which webhooks may never reach'],
    ['https://0x7f.1/h', '127.0.0.1: a loopback address, which webhooks may never reach'],
  ])('refuses the IP literal of %s without resolving it', async (literal, reason) => {
    const resolve = jest.fn(resolvingTo('203.0.113.10'));
    expect({
      check: await checkDestination(new URL(literal), PRODUCTION, resolve),
      resolved: resolve.mock.calls.length,
    }).toStrictEqual({ check: { ok: false, reason }, resolved: 0 });
  });

  it.each<
    [
      string,
      HostResolver,
      { allowPrivateNetwork: boolean; allowAddresses: string[] },
      ResolvedAddress,
    ]
  >([
    [
      'a public address',
      resolvingTo('203.0.113.10', '2001:db8::1'),
      PRODUCTION,
      { address: '203.0.113.10', family: 4 },
    ],
    [
      'a private address with allowPrivateNetwork',
      resolvingTo('10.0.0.5'),
      { allowPrivateNetwork: true, allowAddresses: [] },
      { address: '10.0.0.5', family: 4 },
    ],
    [
      'a listed local address',
      resolvingTo('127.0.0.1'),
      { allowPrivateNetwork: false, allowAddresses: ['127.0.0.1'] },
      { address: '127.0.0.1', family: 4 },
    ],
  ])('accepts %s and connects to the first', async (_case, resolve, policy, expected) => {
    await expect(checkDestination(url, policy, resolve)).resolves.toStrictEqual({
      ok: true,
      value: expected,
    });
  });

  it('never lets allowPrivateNetwork reach loopback or metadata', async () => {
    const policy = { allowPrivateNetwork: true, allowAddresses: [] };
    const checks = await Promise.all(
      ['127.0.0.1', '169.254.169.254', 'fd00:ec2::254'].map((address) =>
        checkDestination(url, policy, resolvingTo(address)),
      ),
    );
    expect(checks.map((check) => check.ok)).toStrictEqual([false, false, false]);
  });

  it('asks the system resolver by default (an IP literal needs no lookup)', async () => {
    await expect(
      checkDestination(new URL('https://203.0.113.10/h'), PRODUCTION),
    ).resolves.toStrictEqual({
      ok: true,
      value: { address: '203.0.113.10', family: 4 },
    });
  });

  it('the system resolver returns every address of a name', async () => {
    const addresses = await systemResolver('localhost');
    expect(
      addresses.length > 0 &&
        addresses.every(({ address }) => classifyAddress(address) === 'loopback'),
    ).toBe(true);
  });
});
