/**
 * Two-phase once-only markers (claim with a lease, then complete with the result).
 */
export type { MarkerClaim, MarkerState, TwoPhaseMarkerStore } from './two-phase-marker-store';
