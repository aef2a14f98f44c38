export * from './parse-org-snapshot';
export * from './org-index';
