import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findFreePort } from '@org/emulators';
import {
  nodeSupportNotice,
  SDK_NODE_WARNING_VARIABLE,
  silenceSdkNodeWarning,
} from '../src/io/node-support';
import { example } from './helpers/run';

const BIN = join(__dirname, '..', 'bin', 'orgctl.js');
const SUPPORTED =
  'is supported; Node.js 22 LTS is recommended (AWS SDK releases from 2027 require it)';
const UNSUPPORTED = 'is not supported; use Node.js 22 LTS (20.19.0 or later works)';

describe('nodeSupportNotice', () => {
  it.each([
    ['18.20.4', `warning: Node.js 18.20.4 ${UNSUPPORTED}`],
    ['20.18.3', `warning: Node.js 20.18.3 ${UNSUPPORTED}`],
    ['20.19.0', `note: Node.js 20.19.0 ${SUPPORTED}`],
    ['v20.20.2', `note: Node.js 20.20.2 ${SUPPORTED}`],
    ['21.7.3', `note: Node.js 21.7.3 ${SUPPORTED}`],
    ['22.0.0', undefined],
    ['24.11.1', undefined],
  ])('Node.js %s: %j', (version, notice) => {
    expect(nodeSupportNotice(version)).toStrictEqual(notice);
  });
});

describe('silenceSdkNodeWarning', () => {
  it.each([
    [{}, { [SDK_NODE_WARNING_VARIABLE]: 'true' }],
    [{ [SDK_NODE_WARNING_VARIABLE]: 'false' }, { [SDK_NODE_WARNING_VARIABLE]: 'false' }],
  ])('turns the SDK warning off unless the user chose: %j → %j', (before, after) => {
    const env: NodeJS.ProcessEnv = { ...before };
    silenceSdkNodeWarning(env);
    expect(env).toStrictEqual(after);
  });
});

describe('the Node.js line of the live commands (bundled binary)', () => {
  let endpoint: string;

  beforeAll(async () => {
    // A free port nothing listens on: the command creates its SDK clients, then fails to connect.
    endpoint = `http://127.0.0.1:${await findFreePort()}`;
  });

  /** Runs bin/orgctl.js as a user would: no colour, no SDK warning switch, fake credentials. */
  function orgctl(args: string[]) {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => key !== 'FORCE_COLOR' && key !== SDK_NODE_WARNING_VARIABLE,
      ),
    );
    const result = spawnSync(process.execPath, [BIN, ...args], {
      encoding: 'utf8',
      env: {
        ...env,
        NO_COLOR: '1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      timeout: 60_000,
    });
    return { code: result.status, stderr: result.stderr };
  }

  const ours = nodeSupportNotice(process.versions.node);

  it.each([
    ['reconcile', ['reconcile', '--state-table', 'state']],
    ['rules apply', ['rules', 'apply', '--table', 'rules', '--state-table', 'state']],
  ])(
    '%s prints our line once when Node.js is older than 22, and never the SDK warning',
    (_name, command) => {
      const config = ['--config', example('governance.yaml')];
      const { code, stderr } = orgctl([...command, ...config, '--endpoint-url', endpoint]);
      const lines = stderr.split('\n');
      expect({
        code,
        ours: lines.filter((line) => line === ours).length,
        firstLine: lines[0],
        sdkWarnings: stderr.split('NodeVersionSupportWarning').length - 1,
      }).toStrictEqual({
        code: 3,
        ours: ours === undefined ? 0 : 1,
        firstLine: ours ?? lines[0],
        sdkWarnings: 0,
      });
    },
  );
});
