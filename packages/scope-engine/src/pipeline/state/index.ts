export * from './with-managed-by';
export * from './directory-view';
export * from './directory-view-store';
export * from './read-account-snapshot';
export * from './read-full-snapshot';
