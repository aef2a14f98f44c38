/**
 * One problem found in a document: where it is and what is wrong.
 *
 * @example
 * ```ts
 * const p: Problem = { path: 'scpRules[1].scope.type', message: 'unknown scope type "tag"', line: 14 };
 * ```
 */
export interface Problem {
  /** Path from the document root, e.g. `scpRules[1].scope.type` (empty for the whole document). */
  readonly path: string;
  /** What is wrong, in words. */
  readonly message: string;
  /** 1-based line in the document, when known. */
  readonly line?: number;
}

/** A path segment: an object key or an array index. */
export type PathSegment = string | number;
