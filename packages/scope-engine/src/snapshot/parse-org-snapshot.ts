import type * as z from 'zod/mini';
import { SnapshotError } from '../errors';
import type { OrgSnapshot } from '../model/org-snapshot';
import { keptProblems } from '../problems/kept-problems';
import { asRecord } from '../source/raw-access';
import { readDocument } from '../source/read-document';
import { checkSnapshot } from './check-snapshot';
import {
  isPlainValidAccount,
  isPlainValidAssignment,
  isPlainValidAttachment,
} from './fast-item-checks';
import {
  AccountSchema,
  AssignmentSchema,
  AttachmentSchema,
  OrgSnapshotShellSchema,
} from './snapshot-schema';

/**
 * Parses and validates an organization snapshot (`org.yaml`) from YAML or JSON text, or from data
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
  const shell = OrgSnapshotShellSchema.safeParse(doc.value);
  const issues: z.core.$ZodIssue[] = shell.success ? [] : [...shell.error.issues];
  const raw = asRecord(doc.value);
  // The large lists are validated item by item, and valid items are used as they are: the
  // snapshot is never held twice in memory.
  const accounts = validItems(
    raw?.['accounts'],
    'accounts',
    AccountSchema,
    issues,
    isPlainValidAccount,
  );
  const attachments = validItems(
    raw?.['attachments'],
    'attachments',
    AttachmentSchema,
    issues,
    isPlainValidAttachment,
  );
  const assignments = validItems(
    raw?.['assignments'],
    'assignments',
    AssignmentSchema,
    issues,
    isPlainValidAssignment,
  );
  const { problems, problemCount } = keptProblems(issues, doc, checkSnapshot(doc));
  if (!shell.success || problems.length > 0) {
    throw new SnapshotError(source, problems, {
      cause: shell.success ? undefined : shell.error,
      problemCount,
    });
  }
  return { ...shell.data, accounts, attachments, assignments };
}

/**
 * The valid items of one large list. An item the fast check accepts is used as it is (no copy, no
 * allocation); any other goes through zod, which either returns it with defaults applied or
 * reports its problems (with paths inside the list).
 */
function validItems<S extends z.ZodMiniType>(
  list: unknown,
  section: string,
  schema: S,
  issues: z.core.$ZodIssue[],
  isPlainValid: (item: Record<string, unknown>) => boolean,
): z.infer<S>[] {
  if (!Array.isArray(list)) return [];
  const valid: z.infer<S>[] = [];
  list.forEach((item: unknown, index) => {
    const record = asRecord(item);
    if (record !== undefined && isPlainValid(record)) {
      valid.push(record as z.infer<S>);
      return;
    }
    const result = schema.safeParse(item);
    if (result.success) valid.push(result.data);
    else
      for (const issue of result.error.issues)
        issues.push({ ...issue, path: [section, index, ...issue.path] });
  });
  return valid;
}
