/**
 * Runs cfn-lint on every synthesized template (Nx target `deploy-app:cfn-lint`, after `synth`).
 * Prints each finding and a summary; exits 1 when any template has an error. Warnings and
 * informational findings are printed but do not fail.
 *
 * Usage: `node scripts/cfn-lint.mjs [cdk.out]`
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const outdir = process.argv[2] ?? 'cdk.out';
if (!existsSync(outdir)) {
  console.error(`${outdir} does not exist: run \`npx nx run deploy-app:synth\` first`);
  process.exit(1);
}
const templates = readdirSync(outdir)
  .filter((name) => name.endsWith('.template.json'))
  .map((name) => path.join(outdir, name));
if (templates.length === 0) {
  console.error(`no *.template.json in ${outdir}`);
  process.exit(1);
}
const result = spawnSync('cfn-lint', ['--format', 'parseable', '--', ...templates], {
  encoding: 'utf8',
});
if (result.error) {
  console.error(
    `cannot run cfn-lint (${result.error.message}); install it with \`pip install cfn-lint\``,
  );
  process.exit(1);
}
const findings = result.stdout.split('\n').filter((line) => line.trim() !== '');
for (const line of findings) console.log(line);
// cfn-lint's exit code is a bit mask: 2 = error, 4 = warning, 8 = informational.
const status = result.status ?? 1;
const errors = findings.filter((line) => /:E\d+:/.test(line)).length;
const warnings = findings.filter((line) => /:W\d+:/.test(line)).length;
console.log(`cfn-lint: ${templates.length} templates, ${errors} errors, ${warnings} warnings`);
if (status & 2 || status === 1 || errors > 0) process.exit(1);
