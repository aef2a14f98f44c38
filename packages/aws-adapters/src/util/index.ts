/** Small utilities shared by the adapters. */
export * from './concurrency-limiter';
export * from './canonical-json';
export * from './api-call-counter';
export * from './async-cache';
export * from './budget-requests';
