/**
 * The product's four Lambda functions: the handlers bundle one entry point each, the construct
 * deploys one function each (its asset folder has the same name).
 */

/**
 * Names of the Lambda functions, in the order the construct creates them.
 *
 * @example
 * ```ts
 * for (const name of HANDLER_FUNCTIONS) console.log(name); // 'org-events-processor', …
 * ```
 */
export const HANDLER_FUNCTIONS = [
  'org-events-processor',
  'operations-worker',
  'vending-notifier',
  'reconciler',
] as const;

/** One of {@link HANDLER_FUNCTIONS}. */
export type HandlerFunctionName = (typeof HANDLER_FUNCTIONS)[number];
