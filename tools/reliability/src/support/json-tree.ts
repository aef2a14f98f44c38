/** One step into a JSON value: an object key or an array index. */
export type Step = string | number;

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container =>
  typeof value === 'object' && value !== null;

/**
 * Every path inside `value` (not the root itself), parents before children, in key order.
 *
 * @example
 * ```ts
 * pathsOf({ a: [1, { b: 2 }] }); // [['a'], ['a', 0], ['a', 1], ['a', 1, 'b']]
 * ```
 */
export function pathsOf(value: unknown): Step[][] {
  const out: Step[][] = [];
  const walk = (node: unknown, prefix: Step[]) => {
    if (!isContainer(node)) return;
    const entries: [Step, unknown][] = Array.isArray(node)
      ? node.map((child, i) => [i, child])
      : Object.entries(node);
    for (const [step, child] of entries) {
      const path = [...prefix, step];
      out.push(path);
      walk(child, path);
    }
  };
  walk(value, []);
  return out;
}

/** The value at `path`, or `undefined`. */
export function getAt(root: unknown, path: readonly Step[]): unknown {
  let node = root;
  for (const step of path) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<Step, unknown>)[step];
  }
  return node;
}

/** The container of the last step of `path`, when there is one. */
function parentOf(root: unknown, path: readonly Step[]): [Container, Step] | undefined {
  const last = path[path.length - 1];
  const parent = getAt(root, path.slice(0, -1));
  return last === undefined || !isContainer(parent) ? undefined : [parent, last];
}

/**
 * Sets the value at `path` in place (an own data property even for `__proto__`, as `JSON.parse`
 * would create it). Does nothing when the parent is not a container.
 */
export function setAt(root: unknown, path: readonly Step[], value: unknown): void {
  const found = parentOf(root, path);
  if (found === undefined) return;
  const [parent, step] = found;
  Object.defineProperty(parent, step, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Removes the key (or array element) at `path` in place. */
export function deleteAt(root: unknown, path: readonly Step[]): void {
  const found = parentOf(root, path);
  if (found === undefined) return;
  const [parent, step] = found;
  if (Array.isArray(parent) && typeof step === 'number') parent.splice(step, 1);
  else delete (parent as Record<Step, unknown>)[step];
}

/** A deep copy of a JSON value (own `__proto__` keys survive, as with `JSON.parse`). */
export function cloneJson<T>(value: T): T {
  const text = JSON.stringify(value);
  return (text === undefined ? value : JSON.parse(text)) as T;
}
