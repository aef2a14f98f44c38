/** Placeholders a notification subject or body may use (docs/configuration.md#templates). */
export const TEMPLATE_PLACEHOLDERS = [
  'accountId',
  'accountName',
  'ouId',
  'ouName',
  'eventName',
] as const;

/** A placeholder name. */
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** Values for every placeholder. */
export type TemplateValues = Readonly<Record<TemplatePlaceholder, string>>;

const PLACEHOLDER = /\{([^{}\s]*)\}/g;
const KNOWN: ReadonlySet<string> = new Set(TEMPLATE_PLACEHOLDERS);

/**
 * Placeholders in `template` that are not in {@link TEMPLATE_PLACEHOLDERS}, in order of appearance.
 *
 * @example
 * ```ts
 * unknownPlaceholders('Account {accountId} in {region}'); // ['region']
 * ```
 */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1] ?? '')
    .filter((name) => !KNOWN.has(name));
}

/**
 * Replaces every `{placeholder}` with its value; anything else is left as written.
 *
 * @example
 * ```ts
 * renderTemplate('New account {accountId}', { accountId: '222233334444', accountName: 'x', ouId: '', ouName: '', eventName: '' });
 * // 'New account 222233334444'
 * ```
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    KNOWN.has(name) ? values[name as TemplatePlaceholder] : whole,
  );
}
