#!/usr/bin/env node
// `npm start`: the main job on the embedded example. Builds what it needs, then parses every
// event in examples/events/ and prints the domain events as a table.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' };
execFileSync('npx', ['nx', 'run', 'event-schemas:build', '--output-style=static'], {
  cwd: root,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});

const require = createRequire(import.meta.url);
const { parseOrgEvent, describeOutcome } = require(
  join(root, 'packages/event-schemas/dist/index.js'),
);

const dir = join(root, 'examples', 'events');
const rows = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    const outcome = parseOrgEvent(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    const kind = outcome.kind === 'event' ? outcome.event.type : outcome.kind;
    return [file, kind, describeOutcome(outcome)];
  });

const header = ['event file', 'domain event', 'details'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) =>
  cells
    .map((c, i) => String(c).padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
rows.forEach((r) => console.log(line(r)));
console.log(`\n${rows.length} events parsed from examples/events/`);
