import type { IdMap } from '@org/emulators';

/** Replaces every occurrence of each pair's first id by its second in every string of `value`. */
function replaceIds(value: unknown, pairs: readonly (readonly [string, string])[]): unknown {
  const replacements = pairs
    .filter(([from, to]) => from !== to && from.length >= 4)
    .sort(([a], [b]) => b.length - a.length);
  const translate = (item: unknown): unknown => {
    if (typeof item === 'string') {
      return replacements.reduce((text, [from, to]) => text.split(from).join(to), item);
    }
    if (Array.isArray(item)) return item.map(translate);
    if (typeof item === 'object' && item !== null) {
      return Object.fromEntries(
        Object.entries(item).map(([key, child]) => [key, translate(child)]),
      );
    }
    return item;
  };
  return translate(value);
}

/**
 * A raw example event rewritten to the emulator's ids: every string containing a mapped id
 * (account, OU, root, policy) has it replaced, so the event names the same resources in the
 * seeded organization as it did in examples/org.yaml.
 *
 * @example
 * ```ts
 * const raw = translateEvent(JSON.parse(readFileSync('examples/events/account-moved.json', 'utf8')), seeded.ids);
 * ```
 */
export function translateEvent(raw: unknown, ids: IdMap): unknown {
  return replaceIds(raw, ids.entries());
}

/**
 * Text with the emulator's ids replaced by the example's (for display).
 *
 * @example
 * ```ts
 * toExampleText('Account ID: 066131253843', ids); // 'Account ID: 888899990000'
 * ```
 */
export function toExampleText(text: string, ids: IdMap): string {
  return String(
    replaceIds(
      text,
      ids.entries().map(([from, to]) => [to, from] as const),
    ),
  );
}
