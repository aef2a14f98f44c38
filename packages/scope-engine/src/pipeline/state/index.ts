export * from './with-managed-by';
export * from './directory-view';
export * from './read-account-snapshot';
export * from './read-full-snapshot';
