import { isAlias, isCollection, isPair, type Document } from 'yaml';

/**
 * The most nodes YAML aliases may add to a document once expanded. Anchors and aliases are for
 * reusing a list or a mapping a few times; a small file whose aliases expand to millions of names
 * ("billion laughs") is refused before anything is built from it.
 */
export const MAX_ALIAS_EXPANSION = 10_000;

/**
 * How many nodes the aliases of `doc` add once expanded (each alias counts as the size of the node
 * it refers to, minus itself), counted without expanding anything: sizes of anchored nodes are
 * computed once, iteratively (no recursion, whatever the nesting). Stops counting past `stopAt`.
 *
 * @example
 * ```ts
 * aliasExpansion(parseDocument('a: &x [1, 2]\nb: *x')); // 2 (the alias adds the list and its two items, less itself)
 * ```
 */
export function aliasExpansion(doc: Document.Parsed, stopAt = MAX_ALIAS_EXPANSION): number {
  const sizes = new Map<unknown, number>();
  // Nodes whose size is being computed: an alias back to one of them (a cycle) adds nothing.
  const inProgress = new Set<unknown>();
  const sizeOf = (root: unknown): number => {
    // Post-order walk with an explicit stack: a node's size is 1 + its children's sizes.
    const stack: Array<{ node: unknown; expanded: boolean }> = [{ node: root, expanded: false }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: unknown; expanded: boolean };
      if (sizes.has(top.node)) {
        stack.pop();
        continue;
      }
      const children = childrenOf(top.node, doc);
      if (!top.expanded) {
        top.expanded = true;
        inProgress.add(top.node);
        for (const child of children)
          if (!sizes.has(child) && !inProgress.has(child))
            stack.push({ node: child, expanded: false });
        continue;
      }
      let size = isAlias(top.node) ? 0 : 1;
      for (const child of children) size = Math.min(size + (sizes.get(child) ?? 0), 1e15);
      sizes.set(top.node, size);
      inProgress.delete(top.node);
      stack.pop();
    }
    return sizes.get(root) ?? 0;
  };
  let added = 0;
  const aliases: unknown[] = [];
  collectAliases(doc.contents, doc, aliases);
  for (const alias of aliases) {
    added += sizeOf(alias) - 1;
    if (added > stopAt) return added;
  }
  return added;
}

function childrenOf(node: unknown, doc: Document.Parsed): unknown[] {
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return target === undefined ? [] : [target];
  }
  if (isPair(node)) return [node.key, node.value].filter((n) => n !== null && n !== undefined);
  if (isCollection(node)) return [...node.items];
  return [];
}

/** Every alias node of the document as written (aliases are not followed). */
function collectAliases(root: unknown, doc: Document.Parsed, out: unknown[]): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) out.push(node);
    else for (const child of childrenOf(node, doc)) stack.push(child);
  }
}
