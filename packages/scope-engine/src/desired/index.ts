export * from './desired-state';
export * from './compute-desired-state';
