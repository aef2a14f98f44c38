import type { Plan } from '@org/scope-engine';

/** Items serialised per `JSON.stringify` call (bounds the size of each string built). */
const ITEMS_PER_CHUNK = 1500;
/** `JSON.stringify({ x: items }, null, 2)` starts with this and ends with {@link SUFFIX}. */
const PREFIX = '{\n  "x": [\n';
const SUFFIX = '\n  ]\n}';

/**
 * Writes `plan` exactly as `JSON.stringify(plan, null, 2)` would, but a few thousand items at a
 * time: a reconcile plan of a large organization can exceed the longest string V8 can build.
 * Each chunk is serialised natively, nested at the depth it has in the plan.
 *
 * @example
 * ```ts
 * writePlanJson(plan, (chunk) => process.stdout.write(chunk));
 * ```
 */
export function writePlanJson(plan: Plan, write: (chunk: string) => void): void {
  const fields = Object.entries(plan);
  write('{\n');
  fields.forEach(([key, value], i) => {
    write(`  ${JSON.stringify(key)}: `);
    if (Array.isArray(value) && value.length > 0) {
      write('[\n');
      for (let start = 0; start < value.length; start += ITEMS_PER_CHUNK) {
        const text = JSON.stringify({ x: value.slice(start, start + ITEMS_PER_CHUNK) }, null, 2);
        write(`${start > 0 ? ',\n' : ''}${text.slice(PREFIX.length, text.length - SUFFIX.length)}`);
      }
      write('\n  ]');
    } else {
      write(JSON.stringify(value, null, 2).replace(/\n/g, '\n  '));
    }
    write(i < fields.length - 1 ? ',\n' : '\n');
  });
  write('}\n');
}
