import * as fc from 'fast-check';
import type { FakeFile } from '../support/cli-harness';
import { planArgs } from '../support/orgctl-args';
import type { ExampleDocument } from '../support/examples';
import type { SampleEvent } from '../support/workspace';
import { hostileString } from './hostile-strings';
import { hostileJson } from './json-values';
import { applyMutations, mutationArb } from './mutations';
import { applyTextEdits, textEdit } from './yaml-text';

/** The paths the generated command lines name; the fake file system serves them. */
export const CLI_PATHS = ['org.yaml', 'governance.yaml', 'event.json', 'org.json'] as const;

/** Real inputs the file contents start from. */
export interface CliCorpus {
  readonly org: ExampleDocument;
  readonly config: ExampleDocument;
  readonly events: readonly SampleEvent[];
}

/** The content of one input file: real, mutated, random, binary, empty, or unreadable. */
function fileContent(corpus: CliCorpus): fc.Arbitrary<FakeFile> {
  const texts = [corpus.org.text, corpus.config.text];
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...texts) },
    { weight: 2, arbitrary: fc.constantFrom(...corpus.events.map((e) => JSON.stringify(e.raw))) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...texts), fc.array(textEdit, { minLength: 1, maxLength: 3 }))
        .map(([text, edits]) => applyTextEdits(text, edits)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...corpus.events),
          fc.array(mutationArb(), { minLength: 1, maxLength: 3 }),
        )
        .map(([sample, mutations]) => JSON.stringify(applyMutations(sample.raw, mutations))),
    },
    { weight: 1, arbitrary: hostileJson(3).map((value) => JSON.stringify(value)) },
    {
      weight: 1,
      arbitrary: fc.oneof(hostileString, fc.string({ unit: 'binary', maxLength: 200 })),
    },
    { weight: 1, arbitrary: fc.constant('') },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('ENOENT' as const, 'EISDIR' as const, 'EACCES' as const, 'EIO' as const)
        .map((error) => ({ error })),
    },
  );
}

/** The content a path is meant to hold (the example org, config or a real event). */
function naturalContent(path: (typeof CLI_PATHS)[number], corpus: CliCorpus): fc.Arbitrary<string> {
  switch (path) {
    case 'org.yaml':
      return fc.constant(corpus.org.text);
    case 'org.json':
      return fc.constant(JSON.stringify(corpus.org.data));
    case 'governance.yaml':
      return fc.constant(corpus.config.text);
    case 'event.json':
      return fc.constantFrom(...corpus.events.map((e) => JSON.stringify(e.raw)));
  }
}

/**
 * A fake file system for the paths of {@link CLI_PATHS}: each file holds what its name says half
 * of the time (so whole commands succeed too), else any {@link fileContent}.
 *
 * @example
 * ```ts
 * fc.property(cliFiles(corpus), async (files) => runOrgctl(['validate', '--config', 'governance.yaml'], { files }));
 * ```
 */
export function cliFiles(corpus: CliCorpus): fc.Arbitrary<Record<string, FakeFile>> {
  const content = fileContent(corpus);
  const entries = CLI_PATHS.map(
    (path) => [path, fc.oneof(naturalContent(path, corpus), content)] as const,
  );
  return fc.record(
    Object.fromEntries(entries) as Record<(typeof CLI_PATHS)[number], fc.Arbitrary<FakeFile>>,
  );
}

const path = fc.constantFrom(...CLI_PATHS, 'missing.yaml');
const format = fc.constantFrom('json', 'table');

/** Well-formed command lines of every command (paths may still name bad files). */
export const validCommandLine: fc.Arbitrary<string[]> = fc.oneof(
  fc
    .tuple(path, fc.option(path))
    .map(([config, org]) => [
      'validate',
      '--config',
      config,
      ...(org === null ? [] : ['--org', org]),
    ]),
  fc
    .tuple(path, path, path, fc.option(format))
    .map(([org, config, event, f]) => [
      ...planArgs(org, config),
      '--event',
      event,
      ...(f === null ? [] : ['--format', f]),
    ]),
  fc
    .tuple(path, path, fc.option(format))
    .map(([org, config, f]) => [
      ...planArgs(org, config),
      '--reconcile',
      ...(f === null ? [] : ['--format', f]),
    ]),
  fc
    .tuple(path, path)
    .map(([org, config]) => ['report', '--org', org, '--config', config, '--out', 'report.html']),
);

/** Tokens a confused user (or a shell script with a bug) passes. */
const TOKENS = [
  'validate',
  'plan',
  'report',
  'help',
  '--help',
  '-h',
  '--version',
  '-V',
  '--org',
  '--config',
  '--event',
  '--reconcile',
  '--format',
  '--format=json',
  '--format=xml',
  '--out',
  '--org=org.yaml',
  '--unknown',
  '-x',
  '--',
  '-',
  'json',
  'table',
  ...CLI_PATHS,
  'missing.yaml',
];

/** One edit of a command line: insert, replace or delete a token. */
const tokenEdit = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'replace', 'delete'),
  token: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TOKENS) }, hostileString),
});

/**
 * A command line: a well-formed one with a few token edits, or tokens drawn at random. Never
 * `reconcile` or `rules` (they would call AWS).
 */
export const randomCommandLine: fc.Arbitrary<string[]> = fc.oneof(
  fc
    .tuple(validCommandLine, fc.array(tokenEdit, { minLength: 1, maxLength: 3 }))
    .map(([args, edits]) => {
      const out = [...args];
      for (const { at, kind, token } of edits) {
        const i = at % (out.length + 1);
        if (kind === 'insert') out.splice(i, 0, token);
        else if (kind === 'replace' && i < out.length) out[i] = token;
        else if (kind === 'delete') out.splice(i, 1);
      }
      return out;
    }),
  fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TOKENS) }, hostileString), {
    maxLength: 8,
  }),
);
