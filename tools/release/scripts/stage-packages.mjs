/**
 * Stages every release project for publishing (nx.json `release.version.preVersionCommand`):
 * builds them, then writes `dist/release/<project root>/` with the publish manifest (no
 * workspace-only `@org/source` export condition, no `nx` or devDependencies), the files its
 * `files` field lists, its README and the repository LICENSE. `nx release version` then versions
 * these manifests alongside the sources, and `nx release publish` publishes from them.
 *
 * Refuses (exit 1) when a package lacks publishing metadata or an entry point (`main`, `types`,
 * `bin`, an export target) is missing from the staged package.
 *
 * Usage: `node tools/release/scripts/stage-packages.mjs [--skip-build] [--list]`
 *   --skip-build  stage the existing build outputs (the caller built them)
 *   --list        check the manifests, print the release projects as JSON and stop
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  STAGING_ROOT,
  WORKSPACE_ROOT,
  entryPoints,
  manifestProblems,
  publishManifest,
  releaseProjects,
} from './release-projects.mjs';

const args = new Set(process.argv.slice(2));
const projects = await releaseProjects();

const releaseNames = new Set(projects.map((p) => p.packageJson.name));
const problems = projects.flatMap((project) => manifestProblems(project, releaseNames));
if (problems.length > 0) {
  console.error(`stage-packages: not publishable:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

if (args.has('--list')) {
  const listed = projects.map(({ name, root, packageJson }) => ({
    name,
    root,
    packageName: packageJson.name,
  }));
  process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
  process.exit(0);
}

if (!args.has('--skip-build')) {
  execFileSync(
    'npx',
    [
      'nx',
      'run-many',
      '-t',
      'build',
      '-p',
      projects.map((p) => p.name).join(','),
      '--output-style=static',
    ],
    { cwd: WORKSPACE_ROOT, stdio: 'inherit' },
  );
}

for (const project of projects) {
  const source = path.join(WORKSPACE_ROOT, project.root);
  const target = path.join(STAGING_ROOT, project.root);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const manifest = publishManifest(project.packageJson);
  for (const entry of manifest.files.filter((f) => !f.startsWith('!'))) {
    if (!existsSync(path.join(source, entry)))
      throw new Error(`${project.root}: "files" lists ${entry}, which does not exist (built?)`);
    cpSync(path.join(source, entry), path.join(target, entry), { recursive: true });
  }
  cpSync(path.join(source, 'README.md'), path.join(target, 'README.md'));
  cpSync(path.join(WORKSPACE_ROOT, 'LICENSE'), path.join(target, 'LICENSE'));
  writeFileSync(path.join(target, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const missing = entryPoints(manifest).filter((file) => !existsSync(path.join(target, file)));
  if (missing.length > 0)
    throw new Error(
      `${project.root}: entry points missing from the package: ${missing.join(', ')}`,
    );
  console.log(
    `stage-packages: ${manifest.name}@${manifest.version} -> ${path.relative(WORKSPACE_ROOT, target)}`,
  );
}
