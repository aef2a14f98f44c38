import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

/**
 * The plain-scalar types of the YAML 1.2 core schema exactly as the `yaml` package resolves
 * them (its `core` schema: the same patterns, the same values). js-yaml's own schemas differ
 * (e.g. `1_000` or `0b1` would be numbers there), so they are not used.
 */
const CORE_SCALARS = [
  new Type('tag:yaml.org,2002:null', {
    kind: 'scalar',
    resolve: (data: string) => /^(?:~|[Nn]ull|NULL)?$/.test(data),
    construct: () => null,
  }),
  new Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (data: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(data),
    construct: (data: string) => data[0] === 't' || data[0] === 'T',
  }),
  new Type('tag:yaml.org,2002:int', {
    kind: 'scalar',
    resolve: (data: string) =>
      /^0o[0-7]+$/.test(data) || /^[-+]?[0-9]+$/.test(data) || /^0x[0-9a-fA-F]+$/.test(data),
    construct: (data: string) =>
      data.startsWith('0o')
        ? parseInt(data.slice(2), 8)
        : data.startsWith('0x')
          ? parseInt(data.slice(2), 16)
          : parseInt(data, 10),
  }),
  new Type('tag:yaml.org,2002:float', {
    kind: 'scalar',
    resolve: (data: string) =>
      /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(data) ||
      /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(data) ||
      /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(data),
    construct: (data: string) => {
      if (data.slice(-3).toLowerCase() === 'nan') return Number.NaN;
      if (/inf$/i.test(data)) {
        return data[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      }
      return parseFloat(data);
    },
  }),
];

const CORE_SCHEMA_1_2 = FAILSAFE_SCHEMA.extend({ implicit: CORE_SCALARS });

/** Characters of constructs left to the careful path: tags, anchors, aliases, explicit keys, directives. */
const SPECIAL = /[!&*?%]/;
/** A comment glued to a quote or a bracket, which YAML refuses and js-yaml reads. */
const COMMENT_WITHOUT_SPACE = /["'\]}]#/;
/** A block scalar header with a chomping or indentation indicator (`|1-`, `>+`). */
const BLOCK_SCALAR_INDICATOR = /[|>][-+0-9]/;
/** A flow collection where a flow mapping may expect a key (js-yaml and `yaml` name it differently). */
const COLLECTION_AS_KEY = /[{,]\s*[[{]/;

/**
 * The subset the fast path takes: no tags, anchors, aliases, explicit keys or directives, and
 * every quoted scalar and flow collection closed on the line it opens (js-yaml is lenient about
 * the indentation of continuation lines, which the `yaml` package rightly refuses).
 */
function isPlainLayout(text: string): boolean {
  if (
    SPECIAL.test(text) ||
    COMMENT_WITHOUT_SPACE.test(text) ||
    COLLECTION_AS_KEY.test(text) ||
    BLOCK_SCALAR_INDICATOR.test(text)
  ) {
    return false;
  }
  for (const line of text.split('\n')) {
    let single = 0;
    let double = 0;
    let open = 0;
    for (const char of line) {
      if (char === "'") single += 1;
      else if (char === '"') double += 1;
      else if (char === '[' || char === '{') open += 1;
      else if (char === ']' || char === '}') open -= 1;
    }
    if (single % 2 !== 0 || double % 2 !== 0 || open !== 0) return false;
  }
  return true;
}

/** A mapping key js-yaml made of an empty or null key (the `yaml` package makes it `""`). */
function hasNullKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (!Array.isArray(node) && Object.hasOwn(node, 'null')) return true;
    for (const child of Object.values(node)) stack.push(child);
  }
  return false;
}

/** Any object or array reachable twice: the document used anchors and aliases. */
function sharesNodes(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (seen.has(node)) return true;
    seen.add(node);
    for (const child of Object.values(node)) stack.push(child);
  }
  return false;
}

/**
 * Loads a single YAML document quickly (js-yaml is several times faster than the `yaml`
 * package's document model on large governance files), or returns `undefined` when the careful
 * path must decide: every error (so syntax problems get the `yaml` package's messages and lines),
 * and anything outside a plain layout (see `isPlainLayout`: tags, anchors and aliases, explicit
 * keys, directives, quoted scalars or flow collections spanning lines). Where it answers, it answers what the `yaml` package would: the same
 * YAML 1.2 core scalars, duplicate keys refused. A test compares both on generated documents.
 *
 * @example
 * ```ts
 * loadYamlFast('a: [1, "2", ~]'); // { value: { a: [1, '2', null] } }
 * loadYamlFast('a: &x 1\nb: *x'); // undefined
 * ```
 */
export function loadYamlFast(text: string): { readonly value: unknown } | undefined {
  if (!isPlainLayout(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA_1_2, json: false });
  } catch {
    return undefined;
  }
  if (sharesNodes(value) || hasNullKey(value)) return undefined;
  return { value: value === undefined ? null : value };
}
