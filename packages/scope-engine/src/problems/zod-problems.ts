import type * as z from 'zod/mini';
import type { SourceDocument } from '../source/source-document';
import { formatPath } from './format-path';
import type { PathSegment, Problem } from './problem';
import { bareText, quoteText } from './quote-text';

/**
 * Turns zod issues into user-facing problems: one per issue (one per unknown key), with the path,
 * a message that names the offending value, and the YAML line when known.
 */
export function problemsFromZod(
  issues: readonly z.core.$ZodIssue[],
  doc: SourceDocument,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        problems.push(at(doc, [...path, key], `unknown field ${quoteText(key)}`));
    } else {
      problems.push(at(doc, path, describeIssue(issue, valueAt(doc.value, path), path)));
    }
  }
  return problems;
}

/** A problem at `path` in `doc`, with its line. */
export function at(doc: SourceDocument, path: readonly PathSegment[], message: string): Problem {
  const line = doc.lineOf(path);
  const base = { path: formatPath(path), message };
  return line === undefined ? base : { ...base, line };
}

function describeIssue(
  issue: z.core.$ZodIssue,
  value: unknown,
  path: readonly PathSegment[],
): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'missing required field';
      return `expected ${article(issue.expected)}, got ${describeValue(value)}${quoteHint(issue.expected, value)}`;
    case 'invalid_union': {
      if (issue.discriminator === undefined || !('options' in issue)) return issue.message;
      const owner = path.length >= 2 ? String(path[path.length - 2]) : 'the';
      const allowed = (issue.options ?? []).map(String).join(', ');
      if (value === undefined) return `missing required field (one of: ${allowed})`;
      return `unknown ${bareText(owner)} type ${describeValue(value)} (expected one of: ${allowed})`;
    }
    case 'invalid_value':
      return `expected one of: ${issue.values.map(String).join(', ')}; got ${describeValue(value)}`;
    case 'too_small':
      if (issue.origin === 'array') return `must list at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return issue.message;
      return `must be at least ${String(issue.minimum)}; got ${describeValue(value)}`;
    case 'too_big':
      if (issue.origin === 'array') return `must list at most ${String(issue.maximum)} item(s)`;
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters`;
      return `must be at most ${String(issue.maximum)}; got ${describeValue(value)}`;
    case 'invalid_format':
      return `${issue.message}; got ${describeValue(value)}`;
    case 'custom':
      return value === undefined ? issue.message : `${issue.message}; got ${describeValue(value)}`;
    case 'invalid_key': {
      // A record key (a tag key) failed its own schema: describe that failure, on the key.
      const inner = issue.issues[0];
      const key = path[path.length - 1];
      return inner === undefined ? issue.message : `key ${describeIssue(inner, key, path)}`;
    }
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'int') return 'an integer';
  if (expected === 'array') return 'a list';
  if (expected === 'object' || expected === 'record') return 'a mapping';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return quoteText(value);
  return `${typeof value} ${bareText(String(value))}`;
}

function quoteHint(expected: string, value: unknown): string {
  return expected === 'string' && typeof value === 'number'
    ? ` (write it in quotes: YAML reads unquoted digits as a number)`
    : '';
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  return node;
}
