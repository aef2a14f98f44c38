/**
 * The EventBridge `id` of a raw event, when it has one (used as the correlation id even when the
 * event cannot be parsed).
 *
 * @example
 * ```ts
 * rawEventId({ id: '10bb9cb3-…', detail: {} }); // '10bb9cb3-…'
 * ```
 */
export function rawEventId(raw: unknown): string | null {
  if (typeof raw === 'object' && raw !== null && 'id' in raw) {
    const id = (raw as { readonly id: unknown }).id;
    return typeof id === 'string' && id !== '' ? id : null;
  }
  return null;
}
