/**
 * Account status as the engine knows it, from Organizations' `State` (or legacy `Status`).
 */
import type { AccountStatus } from '@org/scope-engine';

/**
 * Maps Organizations' account `State` (preferred; `Status` is deprecated) to the snapshot's
 * status. Anything not ACTIVE yields no operations, so `PENDING_ACTIVATION` and `CLOSED` map to
 * `SUSPENDED`.
 *
 * @example
 * ```ts
 * toAccountStatus('PENDING_CLOSURE', 'ACTIVE'); // 'PENDING_CLOSURE'
 * ```
 */
export function toAccountStatus(
  state: string | undefined,
  status: string | undefined,
): AccountStatus {
  const value = state ?? status;
  if (value === 'ACTIVE') return 'ACTIVE';
  if (value === 'PENDING_CLOSURE') return 'PENDING_CLOSURE';
  return 'SUSPENDED';
}
