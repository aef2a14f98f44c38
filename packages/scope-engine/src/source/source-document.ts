import type { PathSegment, Problem } from '../problems/problem';

/** A parsed YAML or JSON document, with a way back to line numbers for problems. */
export interface SourceDocument {
  /** Name of the document (file name), used in messages. */
  readonly source: string;
  /** The plain data (objects, arrays, strings, numbers, booleans, null). */
  readonly value: unknown;
  /** 1-based line of the value at `path`, or of its nearest ancestor present in the document. */
  lineOf(path: readonly PathSegment[]): number | undefined;
}

/** The outcome of reading a document: the data, or every syntax problem found. */
export type ReadResult =
  | { readonly ok: true; readonly document: SourceDocument }
  | { readonly ok: false; readonly problems: readonly Problem[] };
