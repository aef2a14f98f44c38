/**
 * What a bundle is made of: its inputs' bytes in the output, grouped by npm package (the copy's
 * path, so a package bundled twice shows twice) or by workspace folder. Printed by
 * `bundle.mjs --analyze`.
 */

/**
 * The group of an input path: `node_modules/<package>` (the innermost), else `packages/<name>/src/<folder>`
 * or `src/<folder>` of the handlers.
 *
 * @param {string} input an esbuild metafile input path
 * @returns {string}
 */
export function inputGroup(input) {
  const packages = [...input.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  const last = packages.at(-1);
  if (last !== undefined)
    return input.slice(0, last.index + last[0].length).replace(/^(\.\.\/)+/, '');
  const workspace = /(?:packages\/[^/]+\/)?src\/[^/]+/.exec(input);
  return workspace === null ? input : workspace[0];
}

/**
 * The largest groups of a bundle, one line each (`  95.7 KB  node_modules/@smithy/core`).
 *
 * @param {import('esbuild').Metafile} metafile the bundle's metafile (one output)
 * @param {number} [count] how many lines (default 25)
 * @returns {string}
 */
export function largestInputs(metafile, count = 25) {
  const bytes = new Map();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const group = inputGroup(input);
      bytes.set(group, (bytes.get(group) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes]
    .sort(([, a], [, b]) => b - a)
    .slice(0, count)
    .map(([group, size]) => `${(size / 1024).toFixed(1).padStart(7)} KB  ${group}`)
    .join('\n');
}
