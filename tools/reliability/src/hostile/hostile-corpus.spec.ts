import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnOrgctl, type ProcessRun } from '../support/spawn-orgctl';
import { HOSTILE_CORPUS, type HostileCase } from './corpus/hostile-corpus';

/** A stack frame line (`    at f (file.js:1:2)`). */
const STACK_FRAME = /^\s+at .+/m;

/** What the run must show: the contract for every hostile input. */
function outcome(run: ProcessRun, test: HostileCase) {
  const lines = run.stderr.split('\n');
  return {
    code: run.code,
    timedOut: run.timedOut,
    // A quiet run must write nothing at all to stderr; a refusal is judged by its first line.
    firstLine: test.firstLine === '' ? run.stderr : lines[0],
    located: test.located === undefined ? true : test.located.test(run.stderr),
    internalError: run.stderr.includes('internal error'),
    stackTrace: STACK_FRAME.test(run.stderr) || STACK_FRAME.test(run.stdout),
    withinTime: run.ms <= test.seconds * 1000,
    withinMemory: run.rssMiB <= test.maxRssMiB,
  };
}

describe('the hostile-input corpus through the real orgctl binary (issue 16)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'orgctl-hostile-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(HOSTILE_CORPUS.map((test) => [test.name, test] as const))(
    '%s',
    async (_name, test) => {
      const caseDir = mkdtempSync(join(dir, 'case-'));
      for (const [name, content] of Object.entries(test.files()))
        writeFileSync(join(caseDir, name), content);
      const run = await spawnOrgctl(test.args, {
        cwd: caseDir,
        timeoutMs: test.seconds * 1000 + 10_000,
        ...(test.closeStdoutAfter === undefined ? {} : { closeStdoutAfter: test.closeStdoutAfter }),
      });
      rmSync(caseDir, { recursive: true, force: true });
      process.stdout.write(
        `hostile: ${test.name}: exit ${run.code}, ${run.ms} ms, ${run.rssMiB} MiB — ${run.stderr.split('\n')[0]}\n`,
      );
      expect(outcome(run, test)).toStrictEqual({
        code: test.code,
        timedOut: false,
        firstLine: expect.stringMatching(test.firstLine === '' ? /^$/ : test.firstLine),
        located: true,
        internalError: false,
        stackTrace: false,
        withinTime: true,
        withinMemory: true,
      });
    },
    300_000,
  );
});
