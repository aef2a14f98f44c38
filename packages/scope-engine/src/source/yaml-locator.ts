import {
  isCollection,
  isMap,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
} from 'yaml';
import type { PathSegment } from '../problems/problem';

/**
 * Maps paths to 1-based line numbers in a YAML (or JSON) text. For a key of a map the line of the
 * key is returned; for a path that does not exist, the line of its nearest existing ancestor.
 */
export class YamlLocator {
  private constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** Builds a locator from an already parsed document and its line counter. */
  static of(doc: Document.Parsed, lines: LineCounter): YamlLocator {
    return new YamlLocator(doc, lines);
  }

  /** Parses `text` only to locate paths; `undefined` when it is not parseable YAML. */
  static parse(text: string): YamlLocator | undefined {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false });
    return doc.errors.length === 0 ? new YamlLocator(doc, lines) : undefined;
  }

  /** Line of the node at `path` (or the nearest ancestor). */
  lineOf(path: readonly PathSegment[]): number | undefined {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node);
    for (const segment of path) {
      if (!isCollection(node)) break;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyOf(p.key) === String(segment));
        if (pair === undefined) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else {
        const item: unknown = node.items[Number(segment)];
        if (item === undefined) break;
        offset = rangeStart(item) ?? offset;
        node = item;
      }
    }
    return offset === undefined ? undefined : this.lines.linePos(offset).line;
  }
}

function keyOf(key: unknown): string | undefined {
  return isScalar(key) ? String(key.value) : undefined;
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined;
  const range = (node as { range?: readonly number[] | null }).range;
  return range?.[0];
}
