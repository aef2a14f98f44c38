/**
 * Versions the staged packages only (`dist/release/…`, git-ignored) with `nx release version`,
 * leaving the sources, the lock file and git untouched: the repository's release configuration
 * with the source manifests, git operations and the changelog switched off. Used by the registry
 * test to publish a throwaway version such as `0.0.0-ci.1700000000000`.
 *
 * Usage: `node tools/release/scripts/version-staged.mjs <version> [--skip-build]`
 */
import { createRequire } from 'node:module';
import { WORKSPACE_ROOT } from './release-projects.mjs';

const [specifier, ...flags] = process.argv.slice(2);
if (!specifier || specifier.startsWith('-')) {
  console.error('usage: version-staged.mjs <version> [--skip-build]');
  process.exit(2);
}
process.chdir(WORKSPACE_ROOT);
const require = createRequire(import.meta.url);
const { ReleaseClient } = require('nx/release');

const noGit = { commit: false, tag: false, stageChanges: false, push: false };
const client = new ReleaseClient({
  version: {
    preVersionCommand: `node tools/release/scripts/stage-packages.mjs ${flags.join(' ')}`.trim(),
    manifestRootsToUpdate: [
      { path: 'dist/release/{projectRoot}', preserveLocalDependencyProtocols: false },
    ],
    git: noGit,
    // The lock file lists the workspace versions of the sources, which stay as they are.
    versionActionsOptions: { skipLockFileUpdate: true },
  },
  changelog: { workspaceChangelog: false, projectChangelogs: false, git: noGit },
});
const result = await client.releaseVersion({
  specifier,
  gitCommit: false,
  gitTag: false,
  stageChanges: false,
  verbose: false,
});
const versions = Object.entries(result.projectsVersionData).map(
  ([project, data]) => `${project}@${data.newVersion}`,
);
console.log(`version-staged: ${versions.join(', ')}`);
