import * as fc from 'fast-check';
import { hostileString } from './hostile-strings';

/** Snippets that exercise YAML's corners: anchors, aliases, merge keys, tags, flow, directives. */
export const YAML_SNIPPETS: readonly string[] = [
  '&a ',
  '*a',
  '<<: *a\n',
  '!!binary ',
  '!!str ',
  '!!int ',
  '!!js/function ',
  '!custom ',
  '? ',
  '- ',
  ': ',
  '\t',
  '{',
  '}',
  '[',
  ']',
  ',',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '"\\u',
  "'",
  '#',
  '|',
  '>-\n',
  '\n  ',
  '\r\n',
  '\uFEFF',
  '~',
  'null',
  '0x1F',
  '1e999',
  '.inf',
  'yes',
];

/** An alias bomb ("billion laughs"): each level references the previous one ten times. */
export const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'scpRules: [*f]',
].join('\n');

/** One edit of a text: insert a snippet, delete a slice, duplicate or drop a line. */
export type TextEdit =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicateLine'; readonly line: number }
  | { readonly kind: 'dropLine'; readonly line: number };

/** A random {@link TextEdit}; positions are taken modulo the text's length. */
export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...YAML_SNIPPETS) }, hostileString),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('dropLine' as const), line: fc.nat() }),
);

/**
 * `text` with the edits applied in order.
 *
 * @example
 * ```ts
 * applyTextEdits('a: 1\n', [{ kind: 'insert', at: 3, text: '&a ' }]); // 'a: &a 1\n'
 * ```
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of edits) {
    if (edit.kind === 'insert' || edit.kind === 'delete') {
      const at = edit.at % (out.length + 1);
      out =
        edit.kind === 'insert'
          ? out.slice(0, at) + edit.text + out.slice(at)
          : out.slice(0, at) + out.slice(at + edit.length);
    } else {
      const lines = out.split('\n');
      const i = edit.line % lines.length;
      if (edit.kind === 'duplicateLine') lines.splice(i, 0, lines[i] ?? '');
      else lines.splice(i, 1);
      out = lines.join('\n');
    }
  }
  return out;
}
