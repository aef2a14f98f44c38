/**
 * The construct's peer ranges have one floor each, which the registry test installs and
 * synthesizes with (besides the latest releases).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from './support/consumer';
import { peerInstallSpecs, rangeFloor } from './support/peer-floor';

describe('rangeFloor', () => {
  it.each([
    ['^2.269.0', '2.269.0'],
    ['>=10.5.0', '10.5.0'],
    ['10.8.1', '10.8.1'],
  ])('reads %s as %s', (range, floor) => {
    expect(rangeFloor(range)).toBe(floor);
  });

  it.each(['*', '2.x', '^2.269.0 || ^3.0.0', 'latest'])(
    'refuses %s, which has no one floor',
    (range) => {
      expect(() => rangeFloor(range)).toThrow(`peer range "${range}" has no single floor version`);
    },
  );
});

describe('peerInstallSpecs', () => {
  it('pins every peer of the construct to its floor, or to latest', () => {
    const manifest = join(workspaceRoot, 'packages', 'scp-automation-construct', 'package.json');
    expect(peerInstallSpecs(manifest, 'floor')).toEqual([
      'aws-cdk-lib@2.269.0',
      'constructs@10.5.0',
    ]);
    expect(peerInstallSpecs(manifest, 'latest')).toEqual([
      'aws-cdk-lib@latest',
      'constructs@latest',
    ]);
  });

  it('is empty for a manifest without peers', () => {
    const folder = mkdtempSync(join(tmpdir(), 'peer-floor-'));
    const manifest = join(folder, 'package.json');
    writeFileSync(manifest, JSON.stringify({ name: 'no-peers' }));
    expect(peerInstallSpecs(manifest, 'floor')).toEqual([]);
    rmSync(folder, { recursive: true, force: true });
  });
});
