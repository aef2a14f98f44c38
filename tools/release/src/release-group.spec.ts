/**
 * The release group of nx.json (`release.projects`) is every public project under `packages/`
 * plus `apps/cli`, and each passes the publishing checks of the staging script (licence,
 * repository, public access, no hard-coded provenance, `files`, exact versions of the `@org/*`
 * packages released with it).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './support/consumer';
import { runCommand } from './support/run-command';

interface ReleaseProject {
  readonly root: string;
  readonly packageName: string;
}

/** `packages/*` projects without `"private": true`, plus the CLI. */
function publicProjectRoots(): string[] {
  const packages = readdirSync(join(workspaceRoot, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `packages/${entry.name}`)
    .filter((root) => existsSync(join(workspaceRoot, root, 'package.json')))
    .filter(
      (root) =>
        (
          JSON.parse(readFileSync(join(workspaceRoot, root, 'package.json'), 'utf8')) as {
            private?: boolean;
          }
        ).private !== true,
    );
  return [...packages, 'apps/cli'].sort();
}

describe('the release group', () => {
  it('is every public project under packages/ plus apps/cli, each publishable', async () => {
    // stage-packages exits 1, listing every problem, when a release project is not publishable.
    const listed = await runCommand(
      'node',
      [join(workspaceRoot, 'tools', 'release', 'scripts', 'stage-packages.mjs'), '--list'],
      { cwd: workspaceRoot, env: { NX_DAEMON: 'false' }, timeoutMs: 120_000 },
    );
    const projects = JSON.parse(listed.stdout) as ReleaseProject[];
    expect(projects.map((p) => p.root).sort()).toEqual(publicProjectRoots());
    expect(projects.map((p) => p.packageName)).toContain('@org/scp-automation-construct');
  });
});
