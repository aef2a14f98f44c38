// Lints virtual probe files with the workspace's ESLint config, outside Jest's VM (ESLint loads its
// flat config with a dynamic import, which Jest's CommonJS sandbox cannot do).
// stdin: [{ filePath, code }]; stdout: [[message, ...], ...] (messages of the rules given as a JSON
// list in the first argument, by default the boundary rules).
import { ESLint } from 'eslint';

const BOUNDARY_RULES = ['@nx/enforce-module-boundaries', 'no-restricted-imports'];
const RULES = process.argv[2] ? JSON.parse(process.argv[2]) : BOUNDARY_RULES;

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const probes = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { filePath, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(
    result.messages.filter((m) => RULES.includes(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`),
  );
}
process.stdout.write(JSON.stringify(results));
