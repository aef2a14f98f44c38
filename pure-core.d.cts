/**
 * Globals that schedule work, read time or reach the process: none of them in the pure core
 * (banned by the root ESLint config, scanned for by the engine's purity test).
 */
export declare const IMPURE_GLOBALS: readonly string[];

/**
 * Packages the pure core never imports, as ESLint import patterns (`x/*`: any module under `x`):
 * no AWS SDK, no CDK (banned by the root ESLint config, scanned for by the engine's purity test).
 */
export declare const IMPURE_PACKAGES: readonly string[];
