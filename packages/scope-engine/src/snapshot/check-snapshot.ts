import { formatPath } from '../problems/format-path';
import type { PathSegment, Problem } from '../problems/problem';
import { at } from '../problems/zod-problems';
import { isRootId } from '../schema/id-schemas';
import { recordsAt, stringAt } from '../source/raw-access';
import type { SourceDocument } from '../source/source-document';
import { quoteText } from '../problems/quote-text';

type Item = [number, Record<string, unknown>];

/** AWS Organizations nests OUs at most five levels under the root. */
export const MAX_OU_DEPTH = 5;

/**
 * Checks what the shape cannot, on the raw document (so it runs even when the shape check fails):
 * unique ids and names (one tag ledger entry per account and key), parents that exist, no OU cycles, OUs nested at most {@link MAX_OU_DEPTH}
 * levels under the root, attachments and assignments that point at known accounts, OUs, roots and
 * policies.
 */
export function checkSnapshot(doc: SourceDocument): Problem[] {
  const problems: Problem[] = [];
  const report = (path: PathSegment[], message: string) => problems.push(at(doc, path, message));
  const section = (name: string) => recordsAt(doc.value, name);
  const ous = section('organizationalUnits');
  const accounts = section('accounts');
  const policies = section('policies');
  const attachments = section('attachments');
  const assignments = section('assignments');

  const unique = (
    name: string,
    items: Item[],
    fields: string[],
    reportAt: string,
    what: string,
  ) => {
    for (const d of duplicatesBy(items, fields)) {
      report(
        [name, d.index, reportAt],
        `duplicate ${what} ${quoteText(d.key)} (also at ${formatPath([name, d.firstIndex])})`,
      );
    }
  };
  unique('organizationalUnits', ous, ['id'], 'id', 'OU id');
  unique('accounts', accounts, ['id'], 'id', 'account id');
  unique('policies', policies, ['id'], 'id', 'policy id');
  unique('policies', policies, ['name'], 'name', 'policy name');
  unique('permissionSets', section('permissionSets'), ['arn'], 'arn', 'permission set ARN');
  unique('permissionSets', section('permissionSets'), ['name'], 'name', 'permission set name');
  unique('principals', section('principals'), ['type', 'id'], 'id', 'principal');
  unique('principals', section('principals'), ['type', 'name'], 'name', 'principal');
  unique('attachments', attachments, ['targetId', 'policyId'], 'policyId', 'attachment');
  unique(
    'assignments',
    assignments,
    ['accountId', 'permissionSetArn', 'principalType', 'principalId'],
    'principalId',
    'assignment',
  );
  unique('tagLedger', section('tagLedger'), ['accountId', 'key'], 'key', 'tag ledger entry');

  const rootId = stringAt(doc.value as Record<string, unknown> | undefined, 'rootId');
  const parentOf = new Map(
    ous.flatMap(([, o]) => pair(stringAt(o, 'id'), stringAt(o, 'parentId'))),
  );
  const accountIds = new Set(accounts.map(([, a]) => stringAt(a, 'id')));
  const policyIds = new Set(policies.map(([, p]) => stringAt(p, 'id')));
  // With an invalid rootId (reported by the shape check), any root-looking parent is accepted.
  const rootValid = rootId !== undefined && isRootId(rootId);
  const isParent = (id: string) =>
    id === rootId || parentOf.has(id) || (!rootValid && isRootId(id));

  const checkRef = (
    name: string,
    i: number,
    field: string,
    value: string | undefined,
    ok: boolean,
    what: string,
  ) => {
    if (value !== undefined && !ok) report([name, i, field], `unknown ${what} ${quoteText(value)}`);
  };
  const checkParent = (name: string, i: number, parentId: string | undefined) =>
    checkRef(name, i, 'parentId', parentId, parentId === undefined || isParent(parentId), 'parent');
  const depthOf = ouDepths(parentOf);
  for (const [i, ou] of ous) {
    const parentId = stringAt(ou, 'parentId');
    checkParent('organizationalUnits', i, parentId);
    const id = stringAt(ou, 'id');
    if (id !== undefined && parentId !== undefined && isParent(parentId) && inCycle(id, parentOf)) {
      report(['organizationalUnits', i, 'parentId'], `OU ${quoteText(id)} is its own ancestor`);
    } else if (id !== undefined && depthOf(id) === MAX_OU_DEPTH + 1) {
      report(
        ['organizationalUnits', i, 'parentId'],
        `OU ${quoteText(id)} is nested ${MAX_OU_DEPTH + 1} levels under the root; AWS Organizations allows at most ${MAX_OU_DEPTH}`,
      );
    }
  }
  for (const [i, a] of accounts) {
    const parentId = stringAt(a, 'parentId');
    checkParent('accounts', i, parentId);
  }
  for (const [i, a] of attachments) {
    const target = stringAt(a, 'targetId');
    const known = target === undefined || isParent(target) || accountIds.has(target);
    checkRef('attachments', i, 'targetId', target, known, 'account, OU or root');
    const policyId = stringAt(a, 'policyId');
    checkRef('attachments', i, 'policyId', policyId, policyIds.has(policyId), 'policy');
  }
  for (const [i, a] of assignments) {
    const accountId = stringAt(a, 'accountId');
    checkRef('assignments', i, 'accountId', accountId, accountIds.has(accountId), 'account');
  }
  return problems;
}

/**
 * Items whose `fields` (all strings) repeat an earlier item's. Items are bucketed by the first and
 * the last field (short ids) and a bucket holds positions, not copies; keys joining every field
 * are built only on a collision, so a snapshot with hundreds of thousands of assignments is
 * checked without hashing long ARNs or allocating per item.
 */
function duplicatesBy(
  items: Item[],
  fields: readonly string[],
): Array<{ key: string; firstIndex: number; index: number }> {
  const head = fields[0] as string;
  const tail = fields[fields.length - 1] as string;
  const seen = new Map<string, Map<string, number | number[]>>();
  const found: Array<{ key: string; firstIndex: number; index: number }> = [];
  const keyAt = (position: number) => {
    const item = (items[position] as Item)[1];
    return fields.map((f) => item[f]).join(' ');
  };
  for (let position = 0; position < items.length; position++) {
    const [index, item] = items[position] as Item;
    if (!fields.every((f) => typeof item[f] === 'string')) continue;
    const h = item[head] as string;
    const t = item[tail] as string;
    let byTail = seen.get(h);
    if (byTail === undefined) seen.set(h, (byTail = new Map()));
    const earlier = byTail.get(t);
    if (earlier === undefined) {
      byTail.set(t, position);
      continue;
    }
    const key = keyAt(position);
    const candidates = typeof earlier === 'number' ? [earlier] : earlier;
    const first = candidates.find((other) => keyAt(other) === key);
    if (first !== undefined) {
      found.push({ key, firstIndex: (items[first] as Item)[0], index });
    } else if (typeof earlier === 'number') {
      byTail.set(t, [earlier, position]);
    } else {
      earlier.push(position);
    }
  }
  return found;
}

function pair(id: string | undefined, parentId: string | undefined): Array<[string, string]> {
  return id === undefined || parentId === undefined ? [] : [[id, parentId]];
}

function inCycle(start: string, parentOf: ReadonlyMap<string, string>): boolean {
  const seen = new Set<string>([start]);
  for (let current = parentOf.get(start); current !== undefined; current = parentOf.get(current)) {
    if (seen.has(current)) return current === start;
    seen.add(current);
  }
  return false;
}

/**
 * Depth of each OU under the root (1 for a child of the root), walked iteratively and memoised so
 * a chain of any length costs linear time and no stack; an OU on a cycle or under an unknown
 * parent gets the depth of the part of its chain that is known.
 */
function ouDepths(parentOf: ReadonlyMap<string, string>): (id: string) => number {
  const depth = new Map<string, number>();
  return (start) => {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let current: string | undefined = start;
    let base = 0;
    while (current !== undefined && parentOf.has(current) && !onChain.has(current)) {
      const known = depth.get(current);
      if (known !== undefined) {
        base = known;
        break;
      }
      chain.push(current);
      onChain.add(current);
      current = parentOf.get(current);
    }
    for (let k = chain.length - 1; k >= 0; k--) depth.set(chain[k] as string, ++base);
    return depth.get(start) ?? 0;
  };
}
