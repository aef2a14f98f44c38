import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeIo, runCli, type CliIo } from '../src';
import { formatBytes, MIB } from '../src/input/input-limits';
import { example } from './helpers/run';

/** nodeIo with captured output and a `fileSize` that reports `sizes[path]` when given. */
function io(sizes: Readonly<Record<string, number>> = {}): CliIo & { out: () => string } {
  const real = nodeIo();
  let text = '';
  const sink = { write: (t: string) => void (text += t), isTTY: false };
  return {
    ...real,
    stdout: sink,
    stderr: sink,
    fileSize: (path) => sizes[path] ?? real.fileSize?.(path) ?? 0,
    readFile: (path) => {
      if (path in sizes) throw new Error(`read ${path} although it is too large`);
      return real.readFile(path);
    },
    env: {},
    out: () => text,
  };
}

const config = example('governance.yaml');
const org = example('org.yaml');
const event = example('events', 'account-moved.json');

describe('input size limits are checked before reading (F7)', () => {
  it.each([
    [
      'a config over 1 MiB',
      ['validate', '--config', config],
      { [config]: MIB + 1 },
      `${config} is too large for --config: 1 MiB (1048577 bytes), the limit is 1 MiB`,
    ],
    [
      'a snapshot over 400 MiB',
      ['plan', '--org', org, '--config', config, '--reconcile'],
      { [org]: 450 * MIB },
      `${org} is too large for --org: 450 MiB (471859200 bytes), the limit is 400 MiB`,
    ],
    [
      'an event over 8 MiB',
      ['plan', '--org', org, '--config', config, '--event', event],
      { [event]: 9 * MIB },
      `${event} is too large for --event: 9 MiB (9437184 bytes), the limit is 8 MiB`,
    ],
  ])('%s: exit 1 naming the file and the limit', async (_label, args, sizes, message) => {
    const cli = io(sizes);
    const code = await runCli(args, cli);
    expect({ code, out: cli.out() }).toStrictEqual({ code: 1, out: `error: ${message}\n` });
  });

  it('accepts files at the limit', async () => {
    const cli = io();
    const code = await runCli(['validate', '--config', config], cli);
    expect(code).toStrictEqual(0);
  });

  it('checks real files with stat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgctl-limits-'));
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(MIB)}\n`);
    const real = nodeIo();
    let err = '';
    const code = await runCli(['validate', '--config', big], {
      ...real,
      stderr: { write: (t) => void (err += t), isTTY: false },
      env: {},
    });
    expect({ code, err }).toStrictEqual({
      code: 1,
      err: `error: ${big} is too large for --config: 1 MiB (1048579 bytes), the limit is 1 MiB\n`,
    });
  });

  it('checks in-memory files (no fileSize) on the text read', async () => {
    let err = '';
    const code = await runCli(['validate', '--config', 'g.yaml'], {
      stdout: { write: () => undefined, isTTY: false },
      stderr: { write: (t) => void (err += t), isTTY: false },
      readFile: () => 'x'.repeat(2 * MIB),
      writeFile: () => undefined,
      env: {},
    });
    expect({ code, err }).toStrictEqual({
      code: 1,
      err: 'error: g.yaml is too large for --config: 2 MiB (2097152 bytes), the limit is 1 MiB\n',
    });
  });

  it.each([
    [12, '12 bytes'],
    [1536, '1.5 KiB'],
    [MIB, '1 MiB'],
    [2.25 * MIB, '2.3 MiB'],
  ])('formatBytes(%d) = %s', (bytes, text) => {
    expect(formatBytes(bytes)).toStrictEqual(text);
  });
});
