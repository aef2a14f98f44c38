import { redactUrl, redactUrlsIn } from './redact-url';

describe('redactUrl', () => {
  describe.each([
    [
      'a plain URL',
      'https://cmdb.example.com/hooks/accounts',
      'https://cmdb.example.com/hooks/accounts',
    ],
    ['no path', 'https://h.example.com', 'https://h.example.com'],
    ['a port', 'http://127.0.0.1:8080/hooks', 'http://127.0.0.1:8080/hooks'],
    ['userinfo', 'https://user:p%40ss@h.example.com/hooks', 'https://h.example.com/hooks'],
    ['a user only', 'https://token123@h.example.com/', 'https://h.example.com'],
    [
      'a query and a fragment',
      'https://h.example.com/in?token=s3cr3t&x=1#frag',
      'https://h.example.com/in',
    ],
    [
      'a token in the path (Slack style)',
      'https://hooks.example.com/services/T0000AAAA/B0000BBBB/XXXXXXXXXXXXXXXXXXXXXXXX',
      'https://hooks.example.com/services/***/***/***',
    ],
    [
      'a hex id in the path',
      'https://h.example.com/hooks/a1b2c3d4e5f6',
      'https://h.example.com/hooks/***',
    ],
    ['a long word', `https://h.example.com/${'a'.repeat(40)}`, 'https://h.example.com/***'],
    ['percent-encoding', 'https://h.example.com/a%20b/c', 'https://h.example.com/***/c'],
    [
      'versions and dashes',
      'https://h.example.com/api-v2/v1/web_hooks.json',
      'https://h.example.com/api-v2/v1/web_hooks.json',
    ],
    ['not an HTTP URL', 'user:pass@h.example.com/x', '<invalid URL>'],
    ['a capitalised segment', 'https://h.example.com/Hooks/x', 'https://h.example.com/***/x'],
    [
      'letters-only token',
      `https://h.example.com/hooks/${'X'.repeat(24)}`,
      'https://h.example.com/hooks/***',
    ],
    ['the empty string', '', '<invalid URL>'],
  ])('%s', (_name, url, expected) => {
    it(`→ ${expected}`, () => expect(redactUrl(url)).toStrictEqual(expected));
  });
});

describe('redactUrlsIn', () => {
  describe.each([
    [
      'the request URL',
      'Failed to parse URL from https://u:p@h.example.com/x?k=s3cr3t',
      'https://u:p@h.example.com/x?k=s3cr3t',
      'Failed to parse URL from https://h.example.com/x',
    ],
    [
      'an unparsable request URL',
      'Failed to parse URL from u:p@@ host',
      'u:p@@ host',
      'Failed to parse URL from <invalid URL>',
    ],
    [
      'another URL (a redirect)',
      'redirect to https://other.example.com/cb?code=abc failed',
      'https://h.example.com',
      'redirect to https://other.example.com/cb failed',
    ],
    [
      'URLs ending a sentence',
      'see https://h.example.com/a?x=1. And https://u@h.example.com/b: done',
      'https://h.example.com',
      'see https://h.example.com/a. And https://h.example.com/b: done',
    ],
    ['no URL', 'fetch failed: ECONNREFUSED', 'https://h.example.com', 'fetch failed: ECONNREFUSED'],
  ])('%s', (_name, text, url, expected) => {
    it(`→ ${expected}`, () => expect(redactUrlsIn(text, url)).toStrictEqual(expected));
  });
});
