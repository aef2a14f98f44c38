import { nodeIo } from './io/node-io';
import { runCli } from './run-cli';

/**
 * Entry point of the bundled `orgctl` binary: runs the CLI on the process arguments and sets the
 * exit code (never `process.exit`, so piped output is flushed).
 */
void runCli(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
