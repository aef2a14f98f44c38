import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type GovernanceConfig,
  type OrgSnapshot,
  parseGovernanceConfig,
  parseOrgSnapshot,
} from '@org/scope-engine';

/**
 * The repository root: the nearest folder above `from` holding `nx.json` (the sources under jest,
 * the esbuild bundle under `tools/local-stack/tmp/` when run with `npm start`).
 *
 * @example
 * ```ts
 * const root = workspaceRoot(); // '/work/main'
 * ```
 */
export function workspaceRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/**
 * The repository's `examples/` folder (org.yaml, governance.yaml, events/).
 *
 * @example
 * ```ts
 * readdirSync(path.join(examplesDir(), 'events'));
 * ```
 */
export function examplesDir(): string {
  return path.join(workspaceRoot(), 'examples');
}

/**
 * examples/org.yaml, parsed.
 *
 * @example
 * ```ts
 * const snapshot = exampleOrg();
 * ```
 */
export function exampleOrg(): OrgSnapshot {
  const file = path.join(examplesDir(), 'org.yaml');
  return parseOrgSnapshot(readFileSync(file, 'utf8'), 'examples/org.yaml');
}

/**
 * examples/governance.yaml, parsed.
 *
 * @example
 * ```ts
 * const config = exampleConfig();
 * ```
 */
export function exampleConfig(): GovernanceConfig {
  const file = path.join(examplesDir(), 'governance.yaml');
  return parseGovernanceConfig(readFileSync(file, 'utf8'), 'examples/governance.yaml');
}

/**
 * examples/events/<name>.json, as the raw EventBridge event.
 *
 * @example
 * ```ts
 * const raw = exampleEvent('account-created');
 * ```
 */
export function exampleEvent(name: string): Record<string, unknown> {
  const file = path.join(examplesDir(), 'events', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
