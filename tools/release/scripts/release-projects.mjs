/**
 * The release group: the projects `nx release` versions and publishes (nx.json `release.projects`),
 * resolved with Nx's own pattern matcher, and the manifest each one publishes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

/** Absolute path of the repository root. */
export const WORKSPACE_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
);
/** Where each release project is staged for publishing (nx.json `nx-release-publish.packageRoot`). */
export const STAGING_ROOT = path.join(WORKSPACE_ROOT, 'dist', 'release');
/** The workspace-only export condition that points at TypeScript sources (never published). */
export const SOURCE_CONDITION = '@org/source';

const require = createRequire(import.meta.url);

/**
 * Resolves nx.json `release.projects` against the project graph.
 *
 * @returns `{ name, root, packageJson }` per release project, sorted by root.
 */
export async function releaseProjects() {
  const { createProjectGraphAsync } = require('@nx/devkit');
  const { findMatchingProjects } = require('nx/src/utils/find-matching-projects');
  const nxJson = JSON.parse(readFileSync(path.join(WORKSPACE_ROOT, 'nx.json'), 'utf8'));
  const patterns = [nxJson.release?.projects ?? []].flat();
  if (patterns.length === 0) throw new Error('nx.json has no release.projects');
  const graph = await createProjectGraphAsync({ exitOnError: false });
  return findMatchingProjects(patterns, graph.nodes)
    .map((name) => {
      const root = graph.nodes[name].data.root;
      const packageJson = JSON.parse(
        readFileSync(path.join(WORKSPACE_ROOT, root, 'package.json'), 'utf8'),
      );
      return { name, root, packageJson };
    })
    .sort((a, b) => a.root.localeCompare(b.root));
}

/** Removes the workspace-only source condition from an `exports` value, recursively. */
function stripSourceCondition(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, inner]) => [key, stripSourceCondition(inner)]),
  );
}

/**
 * The manifest published for a workspace package: the workspace-only `@org/source` export
 * condition (it points at `src/`, which is not shipped), the `nx` project configuration and the
 * development-only dependencies (some are private workspace tools) are dropped.
 */
export function publishManifest(packageJson) {
  const manifest = { ...packageJson };
  for (const field of ['nx', 'devDependencies', 'scripts']) delete manifest[field];
  if (manifest.exports !== undefined) manifest.exports = stripSourceCondition(manifest.exports);
  return manifest;
}

/**
 * Every file path a manifest points at: `main`, `types`, each `bin` and every export target.
 *
 * @returns relative paths such as `./dist/index.js`.
 */
export function entryPoints(manifest) {
  const targets = [];
  const walk = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  walk(manifest.bin);
  for (const field of ['main', 'types']) if (manifest[field]) targets.push(manifest[field]);
  return [...new Set(targets)].sort();
}

/**
 * Problems that make a release project unpublishable: missing metadata, a private flag, or an
 * `@org/*` runtime dependency outside the release group.
 *
 * @returns human-readable problems; empty when the package can be published.
 */
export function manifestProblems(project, releaseNames) {
  const pkg = project.packageJson;
  const problems = [];
  const where = `${project.root}/package.json`;
  if (pkg.private === true)
    problems.push(`${where}: private, but nx.json release.projects matches it`);
  if (pkg.license !== 'Apache-2.0') problems.push(`${where}: license must be Apache-2.0`);
  if (pkg.repository?.directory !== project.root || !pkg.repository?.url)
    problems.push(`${where}: repository.url and repository.directory "${project.root}" needed`);
  if (pkg.publishConfig?.access !== 'public')
    problems.push(`${where}: publishConfig.access must be "public"`);
  if ('provenance' in (pkg.publishConfig ?? {}))
    problems.push(`${where}: provenance is set by CI (NPM_CONFIG_PROVENANCE), not in the manifest`);
  if (!Array.isArray(pkg.files) || pkg.files.length === 0)
    problems.push(`${where}: "files" must list what is shipped`);
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
      if (!dep.startsWith('@org/')) continue;
      if (!releaseNames.has(dep))
        problems.push(`${where}: ${field} ${dep} is not released with it`);
      else if (range !== pkg.version)
        problems.push(`${where}: ${field} ${dep}@${range} differs from the group version`);
    }
  }
  return problems;
}
