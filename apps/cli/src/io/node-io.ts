import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { CliIo } from './cli-io';

/**
 * The real process: stdout/stderr, the file system, the environment and the Node.js version.
 *
 * @example
 * ```ts
 * runCli(process.argv.slice(2), nodeIo()).then((code) => (process.exitCode = code));
 * ```
 */
export function nodeIo(): CliIo {
  return {
    stdout: {
      write: (text) => void process.stdout.write(text),
      isTTY: process.stdout.isTTY === true,
    },
    stderr: {
      write: (text) => void process.stderr.write(text),
      isTTY: process.stderr.isTTY === true,
    },
    readFile: (path) => readFileSync(path, 'utf8'),
    fileSize: (path) => statSync(path).size,
    writeFile: (path, content) => writeFileSync(path, content, 'utf8'),
    nodeVersion: process.versions.node,
    env: process.env,
  };
}
