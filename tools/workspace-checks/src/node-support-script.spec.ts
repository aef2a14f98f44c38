import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { workspaceRoot } from './workspace-root';

const SCRIPT = pathToFileURL(join(workspaceRoot, 'tools', 'scripts', 'node-support.mjs')).href;
const SUPPORTED =
  'is supported; Node.js 22 LTS is recommended (AWS SDK releases from 2027 require it)';
const UNSUPPORTED = 'is not supported; use Node.js 22 LTS (20.19.0 or later works)';

/** Calls an export of tools/scripts/node-support.mjs (an ES module) in a child Node process. */
function call(name: string, arg: unknown): unknown {
  const code = `const m = await import(${JSON.stringify(SCRIPT)});
    process.stdout.write(JSON.stringify(m[${JSON.stringify(name)}](${JSON.stringify(arg)}) ?? null));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as unknown;
}

describe('tools/scripts/node-support.mjs (the Node.js line of npm start)', () => {
  it('says one line on Node.js older than 22, with the same words as orgctl', () => {
    const versions = ['18.20.4', '20.18.3', '20.19.0', 'v20.20.2', '22.0.0', '24.11.1'];
    expect(versions.map((v) => call('nodeSupportNotice', v))).toStrictEqual([
      `warning: Node.js 18.20.4 ${UNSUPPORTED}`,
      `warning: Node.js 20.18.3 ${UNSUPPORTED}`,
      `note: Node.js 20.19.0 ${SUPPORTED}`,
      `note: Node.js 20.20.2 ${SUPPORTED}`,
      null,
      null,
    ]);
  });

  it.each([
    [{ PATH: '/bin' }, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', PATH: '/bin' }],
    [
      { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' },
      { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' },
    ],
  ])('turns the AWS SDK warning off for the processes it starts: %j', (env, expected) => {
    expect(call('quietSdkEnv', env)).toStrictEqual(expected);
  });
});
