import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './workspace-root';

interface PackageJson {
  readonly name: string;
  readonly private?: boolean;
  readonly license?: string;
  readonly exports?: Record<string, unknown>;
  readonly types?: string;
  readonly files?: readonly string[];
  readonly sideEffects?: boolean;
  readonly nx?: { readonly tags?: readonly string[] };
}

const projectDirs = ['packages', 'apps', 'tools']
  .flatMap((group) =>
    readdirSync(join(workspaceRoot, group), { withFileTypes: true })
      .filter(
        (d) => d.isDirectory() && existsSync(join(workspaceRoot, group, d.name, 'package.json')),
      )
      .map((d) => `${group}/${d.name}`),
  )
  .sort();

const read = (dir: string): PackageJson =>
  JSON.parse(readFileSync(join(workspaceRoot, dir, 'package.json'), 'utf8')) as PackageJson;

describe('every project', () => {
  it('is found', () => {
    expect(projectDirs).toEqual(
      expect.arrayContaining([
        'apps/cli',
        'apps/deploy-app',
        'apps/handlers',
        'packages/aws-adapters',
        'packages/event-schemas',
        'packages/scope-engine',
        'packages/scp-automation-construct',
      ]),
    );
  });

  describe.each(projectDirs)('%s', (dir) => {
    it('has a README and a scope tag', () => {
      expect(existsSync(join(workspaceRoot, dir, 'README.md'))).toBe(true);
      expect(read(dir).nx?.tags?.some((t) => t.startsWith('scope:'))).toBe(true);
    });
  });
});

describe.each(projectDirs.filter((dir) => read(dir).private !== true))('publishable %s', (dir) => {
  it('has the metadata npm consumers need', () => {
    const pkg = read(dir);
    expect(pkg.name).toMatch(/^@org\/[a-z0-9-]+$/);
    expect(pkg.license).toBe('Apache-2.0');
    expect(pkg.types).toBe('./dist/index.d.ts');
    expect(Object.keys(pkg.exports ?? {})).toContain('.');
    expect(pkg.files).toContain('dist');
    expect(typeof pkg.sideEffects).toBe('boolean');
  });
});
