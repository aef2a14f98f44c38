/** One step of a JSON path: an object key or an array index. */
type Step = string | number;

/**
 * Splits a JSON path as printed by the parser (`$.detail.tags[0]["changed-tag-keys"]`) into
 * steps, so tests mutate exactly the path they then expect in the EventError.
 */
export function steps(path: string): Step[] {
  if (!path.startsWith('$')) throw new Error(`path must start with $: ${path}`);
  const out: Step[] = [];
  const re = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  let at = 1;
  for (let m = re.exec(path); m !== null; m = re.exec(path)) {
    if (m.index !== at) throw new Error(`bad path ${path} at ${at}`);
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(JSON.parse(m[3] ?? '""') as string);
    at = re.lastIndex;
  }
  if (at !== path.length) throw new Error(`bad path ${path} at ${at}`);
  return out;
}

type Container = Record<string | number, unknown>;

/** The container holding the last step of `path`, in `root` (which is modified in place). */
function parentOf(root: unknown, path: string): [Container, Step] {
  const all = steps(path);
  const last = all.pop();
  if (last === undefined) throw new Error('cannot take the parent of $');
  let node = root;
  for (const step of all) {
    if (typeof node !== 'object' || node === null) throw new Error(`no ${path} in the sample`);
    node = (node as Container)[step];
  }
  if (typeof node !== 'object' || node === null)
    throw new Error(`no parent of ${path} in the sample`);
  return [node as Container, last];
}

/** A deep copy of a JSON value. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * A mutated clone of `sample`: `path` set to `value` (the sample is not modified).
 *
 * @example mutate(moveAccount, '$.detail.requestParameters.accountId', '12345')
 */
export function mutate<T>(sample: T, path: string, value: unknown): T {
  const copy = clone(sample);
  const [parent, key] = parentOf(copy, path);
  parent[key] = value;
  return copy;
}

/** A clone of `sample` without `path` (array elements are spliced out). */
export function omit<T>(sample: T, path: string): T {
  const copy = clone(sample);
  const [parent, key] = parentOf(copy, path);
  if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
  else delete parent[key];
  return copy;
}

/** Applies several edits in order: `[path, value]` sets, `[path]` omits. */
export function edit<T>(
  sample: T,
  edits: ReadonlyArray<readonly [string] | readonly [string, unknown]>,
): T {
  return edits.reduce<T>(
    (acc, e) => (e.length === 1 ? omit(acc, e[0]) : mutate(acc, e[0], e[1])),
    sample,
  );
}
