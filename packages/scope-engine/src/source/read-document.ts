import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../problems/problem';
import { aliasExpansion, MAX_ALIAS_EXPANSION } from './alias-expansion';
import { loadYamlFast } from './fast-yaml';
import { tooDeep } from './nesting-depth';
import type { ReadResult, SourceDocument } from './source-document';
import { YamlLocator } from './yaml-locator';

/** YAML alias expansions allowed per document (guards against "billion laughs"). */
const MAX_ALIAS_COUNT = 100;
/**
 * Largest JSON text re-read with the YAML parser to find the line of a problem. Beyond it (a
 * snapshot of tens of thousands of accounts) problems keep their path but get no line: building a
 * YAML syntax tree of hundreds of megabytes would take minutes and gigabytes.
 */
export const MAX_JSON_LOCATE_CHARS = 4_000_000;

/**
 * Parses a YAML or JSON document (or takes already parsed data). JSON is recognised by a `.json`
 * source name or a text starting with `{` / `[`, and parsed with `JSON.parse` (fast for large
 * snapshots); everything else is YAML 1.2 (core schema), loaded fast where that gives the same
 * data (see `loadYamlFast`). Syntax problems come back with line numbers. Text nested deeper than
 * `MAX_NESTING_DEPTH` and YAML whose aliases expand past `MAX_ALIAS_EXPANSION` nodes are refused
 * before anything is built from them.
 *
 * @example
 * ```ts
 * const result = readDocument('scpRules: []\n', 'governance.yaml');
 * if (result.ok) console.log(result.document.value); // { scpRules: [] }
 * ```
 */
export function readDocument(input: string | object, source: string): ReadResult {
  if (typeof input !== 'string') {
    return { ok: true, document: { source, value: input, lineOf: () => undefined } };
  }
  const deep = tooDeep(input);
  if (deep !== undefined) {
    const message = `the document is nested more than ${deep.limit} levels deep (refused before parsing)`;
    return { ok: false, problems: [{ path: '', message, line: deep.line }] };
  }
  return looksLikeJson(input, source) ? readJson(input, source) : readYaml(input, source);
}

function looksLikeJson(text: string, source: string): boolean {
  if (source.toLowerCase().endsWith('.json')) return true;
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

function readJson(text: string, source: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position
      ? lineAt(text, Number(position[1]))
      : text.length <= MAX_JSON_LOCATE_CHARS
        ? yamlErrorLine(text)
        : undefined;
    const base = { path: '', message: `invalid JSON: ${firstLine(message)}` };
    const problem: Problem = line === undefined ? base : { ...base, line };
    return { ok: false, problems: [problem] };
  }
  let locator: YamlLocator | null | undefined;
  const lineOf: SourceDocument['lineOf'] = (path) => {
    if (locator === undefined)
      locator = text.length <= MAX_JSON_LOCATE_CHARS ? (YamlLocator.parse(text) ?? null) : null;
    return locator?.lineOf(path);
  };
  return { ok: true, document: { source, value, lineOf } };
}

function readYaml(text: string, source: string): ReadResult {
  const fast = loadYamlFast(text);
  if (fast === undefined) return readYamlCarefully(text, source);
  // Lines are only needed when a problem is reported: the document model is built then.
  let locator: YamlLocator | null | undefined;
  const lineOf: SourceDocument['lineOf'] = (path) => {
    if (locator === undefined) locator = YamlLocator.parse(text) ?? null;
    return locator?.lineOf(path);
  };
  return { ok: true, document: { source, value: fast.value, lineOf } };
}

/** The `yaml` package's document model: its errors with lines, its alias limit. */
function readYamlCarefully(text: string, source: string): ReadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e): Problem => ({
      path: '',
      message: `invalid YAML: ${firstLine(e.message)}`,
      line: lines.linePos(e.pos[0]).line,
    }));
    return { ok: false, problems };
  }
  const expansion = aliasExpansion(doc);
  if (expansion > MAX_ALIAS_EXPANSION) {
    const message = `invalid YAML: its aliases expand to more than ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')} nodes (refused: anchors and aliases may repeat a little, not multiply the document)`;
    return { ok: false, problems: [{ path: '', message }] };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '', message: `invalid YAML: ${firstLine(message)}` }] };
  }
  const locator = YamlLocator.of(doc, lines);
  return { ok: true, document: { source, value, lineOf: (path) => locator.lineOf(path) } };
}

/** Where the YAML parser (a JSON superset) trips over the same text, for engines whose JSON errors carry no position. */
function yamlErrorLine(text: string): number | undefined {
  const lines = new LineCounter();
  const error = parseDocument(text, { lineCounter: lines, prettyErrors: false }).errors[0];
  return error === undefined ? undefined : lines.linePos(error.pos[0]).line;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
