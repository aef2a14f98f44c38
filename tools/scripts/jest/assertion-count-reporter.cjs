/**
 * A Jest reporter that fails the run when a passing test recorded no assertion: a test that
 * asserts nothing passes whatever the code does, so it proves nothing of its name.
 *
 * Jest counts every matcher that passed (`expect(…).toBe(…)`, `.resolves`/`.rejects`, custom
 * matchers added with `expect.extend`) in each test result's `numPassingAsserts`. Assertions
 * made otherwise (a bare `assert`, a helper that throws, a fast-check property returning a
 * boolean) do not count: make them `expect` calls or matchers.
 *
 * Referenced by jest.preset.cjs, so every project uses it next to Jest's default reporter.
 *
 * @example
 * ```js
 * // jest.preset.cjs
 * reporters: ['default', require.resolve('./tools/scripts/jest/assertion-count-reporter.cjs')],
 * ```
 */
class AssertionCountReporter {
  constructor() {
    /** @type {string[]} "file › full test name" of each passing test without an assertion. */
    this.empty = [];
  }

  /** Collects the passing tests of one file that recorded no assertion. */
  onTestResult(_test, testResult) {
    for (const result of testResult.testResults) {
      if (result.status === 'passed' && !(result.numPassingAsserts > 0)) {
        const file = testResult.testFilePath.replace(`${process.cwd()}/`, '');
        this.empty.push(`${file} › ${result.fullName}`);
      }
    }
  }

  /** Lists the tests without an assertion after Jest's own summary. */
  onRunComplete() {
    if (this.empty.length === 0) return;
    process.stderr.write(
      `\n${this.empty.length} passing test(s) recorded no assertion (each test must call expect):\n` +
        this.empty.map((name) => `  - ${name}\n`).join(''),
    );
  }

  /** Makes Jest exit non-zero when some passing test recorded no assertion. */
  getLastError() {
    if (this.empty.length === 0) return undefined;
    return new Error(`${this.empty.length} passing test(s) recorded no assertion`);
  }
}

module.exports = AssertionCountReporter;
