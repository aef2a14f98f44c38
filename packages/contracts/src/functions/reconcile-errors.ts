/**
 * The `name` of each error the reconciler throws that no retry can cure. A Lambda reports an
 * error's `name` as its error type, and the reconcile state machine's retries exclude these
 * names; they are set explicitly because a minified bundle renames classes (never derive
 * them from a class name).
 */
export const RECONCILE_PERMANENT_ERRORS = {
  /** The request is malformed (a field of the wrong type, an unknown step). */
  invalidRequest: 'ReconcileRequestInvalid',
  /** A direct invocation asked for the whole organization (only the state machine runs that). */
  wholeOrganizationDirect: 'ReconcileWholeOrganizationNotDirect',
} as const;

/** One of {@link RECONCILE_PERMANENT_ERRORS}. */
export type ReconcilePermanentError =
  (typeof RECONCILE_PERMANENT_ERRORS)[keyof typeof RECONCILE_PERMANENT_ERRORS];
