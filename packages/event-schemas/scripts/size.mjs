// Prints the bundled size of @org/event-schemas (src/index.ts bundled with esbuild: minified,
// zod included, platform node, in memory) and fails when it exceeds the budget.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The issue allows 120 KB; 64 KB keeps the zod/mini saving (50 KB today) from eroding. */
const BUDGET_KB = 64;
const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

const result = await build({
  entryPoints: [join(packageDir, 'src', 'index.ts')],
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  write: false,
  metafile: true,
  logLevel: 'silent',
});

const bytes = result.outputFiles[0].contents.byteLength;
const kb = bytes / 1024;
const inputs = Object.entries(result.metafile.outputs)[0][1].inputs;
const zodBytes = Object.entries(inputs)
  .filter(([path]) => path.includes('node_modules/zod/'))
  .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);

console.log(
  `@org/event-schemas bundle (esbuild, minified, zod included): ${kb.toFixed(1)} KB ` +
    `(zod ${(zodBytes / 1024).toFixed(1)} KB, own code ${((bytes - zodBytes) / 1024).toFixed(1)} KB); ` +
    `budget ${BUDGET_KB} KB`,
);
if (kb > BUDGET_KB) {
  console.error(`Bundle is ${kb.toFixed(1)} KB, over the ${BUDGET_KB} KB budget.`);
  process.exitCode = 1;
}
