/**
 * A small block-style YAML writer for generated documents: mappings and sequences in block
 * style, strings double-quoted with JSON escapes (valid YAML 1.2 double-quoted scalars), other
 * scalars plain. The workspace's own `yaml` 2 is a dependency of the engine and the CLI only; this
 * keeps the suite free of a second copy and of its formatting choices.
 */

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A scalar (or an empty collection) on one line. */
function scalar(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '.nan';
  if (typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return '[]';
  if (isObject(value)) return '{}';
  return 'null';
}

/** `true` when `value` is written on its own lines (a non-empty collection). */
const isBlock = (value: unknown): boolean =>
  (Array.isArray(value) && value.length > 0) || (isObject(value) && Object.keys(value).length > 0);

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) =>
      isBlock(item)
        ? [`${indent}-`, ...lines(item, `${indent}  `)]
        : [`${indent}- ${scalar(item)}`],
    );
  }
  if (isObject(value)) {
    return Object.entries(value).flatMap(([key, item]) =>
      isBlock(item)
        ? [`${indent}${JSON.stringify(key)}:`, ...lines(item, `${indent}  `)]
        : [`${indent}${JSON.stringify(key)}: ${scalar(item)}`],
    );
  }
  return [`${indent}${scalar(value)}`];
}

/**
 * `value` as a block-style YAML document.
 *
 * @example
 * ```ts
 * toBlockYaml({ scpRules: [{ id: 'a', policies: ['DenyLeaveOrg'] }] });
 * // '"scpRules":\n  -\n    "id": "a"\n    "policies":\n      - "DenyLeaveOrg"\n'
 * ```
 */
export function toBlockYaml(value: unknown): string {
  return `${lines(value, '').join('\n')}\n`;
}
