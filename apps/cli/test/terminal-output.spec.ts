import { readFileSync } from 'node:fs';
import { TERMINAL_PAYLOADS } from '@org/scope-engine/testing';
import { hostileOrg } from './helpers/hostile-org';
import { example, planEventArgs, run } from './helpers/run';

/** Control characters a terminal acts on: C0 except LF, DEL, C1, and bidi overrides/isolates. */
function firstRawControl(text: string): string | undefined {
  return [...text].find((ch) => {
    const code = ch.charCodeAt(0);
    return (
      (code < 0x20 && code !== 0x0a) ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    );
  });
}
/** The only escape sequences allowed through: SGR colours the CLI adds itself on a terminal. */
const SGR = new RegExp(`${String.fromCharCode(0x1b)}\\[[0-9;]*m`, 'g');

/** examples/events/account-created.json for a new account whose name forges a line. */
const hostileEvent = readFileSync(example('events/account-created.json'), 'utf8')
  .split('222233334444')
  .join('123456789005')
  .split('payments-dev')
  .join('line\\r\\nforged line');

/** `plan --event` of the hostile event against the example organization, shown as a table. */
const EVENT_TABLE = [
  ...planEventArgs('event.json', example('org.yaml'), 'g.yaml'),
  '--format',
  'table',
];

const files = {
  'org.json': JSON.stringify(hostileOrg(TERMINAL_PAYLOADS)),
  'event.json': hostileEvent,
  'g.yaml': readFileSync(example('governance.yaml'), 'utf8'),
  'bad.yaml':
    'scpRules:\n  - { id: "x\\u001b]0;pwned\\u0007", policies: [a], scope: { type: root } }\n',
};

describe('orgctl never writes raw control characters from the data to the terminal (F4)', () => {
  // A snapshot whose names hold control characters is refused (exit 1); its problems quote them escaped.
  describe.each([
    [
      'plan --reconcile on a snapshot with control characters in names',
      ['plan', '--org', 'org.json', '--config', 'g.yaml', '--reconcile', '--format', 'table'],
      1,
    ],
    [
      'validate against a snapshot with control characters in names',
      ['validate', '--config', 'g.yaml', '--org', 'org.json'],
      1,
    ],
    ['plan --event as a table, the event naming the account with CR LF', EVENT_TABLE, 0],
    ['an invalid configuration', ['validate', '--config', 'bad.yaml'], 1],
    ['an unreadable file named with escapes', ['validate', '--config', 'g\u001b[2J\r\n.yaml'], 2],
  ])('%s', (_label, args, code) => {
    it.each([false, true])('tty=%s', async (tty) => {
      const result = await run(args, { files, tty, env: tty ? { FORCE_COLOR: '1' } : {} });
      const shown = (result.stdout + result.stderr).replace(SGR, '');
      expect({ code: result.code, raw: firstRawControl(shown) }).toStrictEqual({
        code,
        raw: undefined,
      });
    });
  });

  it('shows a hostile account name escaped, on its own row', async () => {
    const result = await run(EVENT_TABLE, { files });
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('123456789005'));
    expect(rows.map((row) => row.split(/ {2,}/).slice(0, 2))).toStrictEqual([
      ['123456789005 (line\\u000d\\u000aforged line)', 'attachPolicy'],
      ['123456789005 (line\\u000d\\u000aforged line)', 'createAssignment'],
      ['123456789005 (line\\u000d\\u000aforged line)', 'notify'],
    ]);
  });

  it('shows the escaped name in an error summary', async () => {
    const result = await run(['validate', '--config', 'g\u001b[2J.yaml'], { files });
    expect(result.stderr).toStrictEqual(
      'error: cannot read --config file g\\u001b[2J.yaml: no such file\n',
    );
  });
});
