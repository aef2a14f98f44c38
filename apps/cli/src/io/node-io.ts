import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { CliIo, TextSink } from './cli-io';

/**
 * A standard stream as a {@link TextSink} that goes quiet when the reader goes away: on `EPIPE`
 * (`orgctl plan … | head` after `head` exits) further writes are dropped and the command finishes
 * with its own exit code — no unhandled `error` event, no stack trace. Any other write error is
 * reported once on stderr and makes the exit code 1.
 */
function quietSink(stream: NodeJS.WriteStream, name: string): TextSink {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    process.exitCode = 1;
    if (stream !== process.stderr)
      process.stderr.write(`error: cannot write to ${name}: ${error.message}\n`);
  });
  return {
    write: (text) => {
      if (!closed) stream.write(text);
    },
    isTTY: stream.isTTY === true,
  };
}

/**
 * The real process: stdout/stderr (quiet on a closed pipe), the file system (files read as bytes,
 * so invalid UTF-8 is refused rather than replaced), the environment and the Node.js version.
 *
 * @example
 * ```ts
 * runCli(process.argv.slice(2), nodeIo()).then((code) => (process.exitCode = code));
 * ```
 */
export function nodeIo(): CliIo {
  return {
    stdout: quietSink(process.stdout, 'stdout'),
    stderr: quietSink(process.stderr, 'stderr'),
    readFile: (path) => readFileSync(path, 'utf8'),
    readBytes: (path) => readFileSync(path),
    fileSize: (path) => statSync(path).size,
    writeFile: (path, content) => writeFileSync(path, content, 'utf8'),
    nodeVersion: process.versions.node,
    env: process.env,
  };
}
