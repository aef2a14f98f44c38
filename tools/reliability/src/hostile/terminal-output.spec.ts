import { TERMINAL_PAYLOADS } from '@org/scope-engine/testing';
import { runOrgctl } from '../support/cli-harness';
import { exampleDocument } from '../support/examples';
import { hostileOrg } from '../support/hostile-org';
import { rawControlIn } from '../support/parse-invariants';

/** The only escape sequences allowed through: SGR colours the CLI adds itself on a terminal. */
const SGR = new RegExp(`${String.fromCharCode(0x1b)}\\[[0-9;]*m`, 'g');

const org = JSON.stringify(hostileOrg(TERMINAL_PAYLOADS));
const config = exampleDocument('governance.yaml').text;

describe('orgctl never writes raw control characters from the data to the terminal', () => {
  // Names with control characters are refused (exit 1); the problems quote them escaped.
  it.each([
    [
      'plan --reconcile as a table',
      ['plan', '--org', 'org.json', '--config', 'g.yaml', '--reconcile', '--format', 'table'],
    ],
    ['validate against the snapshot', ['validate', '--config', 'g.yaml', '--org', 'org.json']],
  ])('%s', async (_label, args) => {
    for (const tty of [false, true]) {
      const run = await runOrgctl(args, { files: { 'org.json': org, 'g.yaml': config }, tty });
      // Line feeds end the CLI's own lines; every other control character would come from data.
      const shown = (run.stdout + run.stderr).replace(SGR, '').split('\n').join('');
      expect({ tty, code: run.code, raw: rawControlIn(shown) }).toStrictEqual({
        tty,
        code: 1,
        raw: undefined,
      });
    }
  });
});
