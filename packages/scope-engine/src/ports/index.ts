/**
 * Ports: the small interfaces through which the pipeline reaches AWS and its own state.
 * Type-only; `@org/aws-adapters` implements them with AWS SDK v3 clients.
 */
export type * from './port-failure';
export type * from './organizations-port';
export type * from './identity-center-port';
export type * from './directory-port';
export type * from './rules-repository';
export type * from './provisioned-state-repository';
export type * from './audit-log';
export type * from './operation-queue';
export type * from './idempotency-store';
export type * from './notification-ports';
