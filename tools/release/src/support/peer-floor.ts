/**
 * The peer ranges a package claims, read as the versions a consumer test installs: the floor of
 * each range (the lowest version the range admits) and the registry's latest.
 */
import { readFileSync } from 'node:fs';

/**
 * The lowest version a caret or exact range admits (`^2.269.0` → `2.269.0`).
 *
 * @throws Error when the range is not `^x.y.z`, `>=x.y.z` or `x.y.z`: a floor must be one version
 */
export function rangeFloor(range: string): string {
  const match = /^(?:\^|>=)?\s*(\d+\.\d+\.\d+)$/.exec(range.trim());
  if (match === null) {
    throw new Error(`peer range "${range}" has no single floor version (use ^x.y.z)`);
  }
  return match[1];
}

/**
 * Install specs pinning each peer dependency of a package manifest to its range's floor
 * (`aws-cdk-lib@2.269.0`), or to `latest` when `which` is `'latest'`.
 */
export function peerInstallSpecs(manifest: string, which: 'floor' | 'latest'): string[] {
  const { peerDependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    peerDependencies?: Record<string, string>;
  };
  return Object.entries(peerDependencies).map(
    ([name, range]) => `${name}@${which === 'floor' ? rangeFloor(range) : 'latest'}`,
  );
}
