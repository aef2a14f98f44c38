import { SnapshotError } from '../errors';
import type { OrgSnapshot } from '../model/org-snapshot';
import { sortProblems } from '../problems/sort-problems';
import { problemsFromZod } from '../problems/zod-problems';
import { readDocument } from '../source/read-document';
import { checkSnapshot } from './check-snapshot';
import { OrgSnapshotSchema } from './snapshot-schema';

/**
 * Parses and validates an organization snapshot (SPEC §4) from YAML or JSON text, or from data
 * already parsed. Throws a {@link SnapshotError} listing **every** problem with its path (and line,
 * for YAML), e.g. `accounts[3].parentId: unknown parent "ou-ab12-99999999"`.
 *
 * @param input - YAML/JSON text, or a plain object.
 * @param source - Name of the document in messages (usually the file name).
 * @example
 * ```ts
 * const org = parseOrgSnapshot(readFileSync('org.yaml', 'utf8'), 'org.yaml');
 * console.log(org.accounts.length);
 * ```
 */
export function parseOrgSnapshot(input: string | object, source = 'org snapshot'): OrgSnapshot {
  const read = readDocument(input, source);
  if (!read.ok) throw new SnapshotError(source, read.problems);
  const doc = read.document;
  if (doc.value === null || doc.value === undefined) {
    throw new SnapshotError(source, [{ path: '', message: 'the document is empty' }]);
  }
  const parsed = OrgSnapshotSchema.safeParse(doc.value);
  const shapeProblems = parsed.success ? [] : problemsFromZod(parsed.error.issues, doc);
  const problems = sortProblems([...shapeProblems, ...checkSnapshot(doc)]);
  if (!parsed.success || problems.length > 0) {
    throw new SnapshotError(source, problems, { cause: parsed.success ? undefined : parsed.error });
  }
  return parsed.data;
}
