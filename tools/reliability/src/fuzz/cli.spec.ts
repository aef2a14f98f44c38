import * as fc from 'fast-check';
import {
  cliFiles,
  randomCommandLine,
  validCommandLine,
  type CliCorpus,
} from '../arbitraries/cli-inputs';
import { runOrgctl } from '../support/cli-harness';
import { checkCliRun } from '../support/cli-invariants';
import { exampleDocument } from '../support/examples';
import { reportFuzzRuns, runFuzzAsync } from '../support/fuzz';
import { sampleEvents } from '../support/workspace';

reportFuzzRuns();

const corpus: CliCorpus = {
  org: exampleDocument('org.yaml'),
  config: exampleDocument('governance.yaml'),
  events: sampleEvents(),
};

/** The example inputs, readable under the paths the command lines use. */
const goodFiles = {
  'org.yaml': corpus.org.text,
  'org.json': JSON.stringify(corpus.org.data),
  'governance.yaml': corpus.config.text,
  'event.json': JSON.stringify(
    corpus.events.find((e) => e.name.endsWith('account-moved.json'))?.raw,
  ),
};

/** Counts runs per exit code. */
const codes = () => new Map<number, number>();

describe('orgctl (in-process) on random files and command lines', () => {
  it('exits 0, 1 or 2 without a stack trace for random input files', async () => {
    const seen = codes();
    await runFuzzAsync(
      'cliRandomFiles',
      fc.asyncProperty(validCommandLine, cliFiles(corpus), async (args, files) => {
        const run = await runOrgctl(args, { files });
        seen.set(run.code, (seen.get(run.code) ?? 0) + 1);
        checkCliRun(args, run);
      }),
    );
    expect([...seen.keys()].sort()).toStrictEqual([0, 1, 2]);
  });

  it('exits 0, 1 or 2 without a stack trace for random command lines', async () => {
    const seen = codes();
    await runFuzzAsync(
      'cliRandomArgs',
      fc.asyncProperty(randomCommandLine, fc.boolean(), async (args, tty) => {
        const run = await runOrgctl(args, { files: goodFiles, tty });
        seen.set(run.code, (seen.get(run.code) ?? 0) + 1);
        checkCliRun(args, run);
      }),
    );
    expect(seen.get(2)).toBeGreaterThan(20);
  });
});
