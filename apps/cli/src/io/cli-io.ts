import type { AwsClientFactory } from '../live/aws-clients';

/** A place text is written to (stdout or stderr). */
export interface TextSink {
  write(text: string): void;
  /** `true` when the sink is an interactive terminal (tables and colour by default). */
  readonly isTTY: boolean;
}

/**
 * Everything `orgctl` touches outside itself, injected so tests run the real command in-process
 * with captured output.
 */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Reads a UTF-8 file; throws a Node.js error (with `code`) when it cannot. */
  readFile(path: string): string;
  /**
   * Reads a file as bytes; throws a Node.js error (with `code`) when it cannot. Optional: when
   * given, input files are read with it and decoded strictly (invalid UTF-8 is an input error
   * naming its line and column, never silently replaced); otherwise `readFile` is used.
   */
  readBytes?(path: string): Uint8Array;
  /**
   * Size of a file in bytes, checked before reading it (input size limits); throws a Node.js
   * error (with `code`) when the file cannot be read. Optional: without it the limits are checked
   * on the text read.
   */
  fileSize?(path: string): number;
  /** Writes a UTF-8 file. */
  writeFile(path: string, content: string): void;
  /**
   * Creates the AWS SDK clients of the live commands (`reconcile`, `rules apply`).
   * @default real clients with the default credential chain (`createAwsClients`)
   */
  readonly aws?: AwsClientFactory;
  /**
   * The Node.js version `orgctl` runs on: the live commands print one line about it when it is
   * older than the recommended one (see `nodeSupportNotice`). Unset: no line.
   */
  readonly nodeVersion?: string;
  /** Environment variables (`NO_COLOR`, `FORCE_COLOR`, `ORGCTL_DEBUG`, `AWS_REGION`, …). */
  readonly env: Readonly<Record<string, string | undefined>>;
}
