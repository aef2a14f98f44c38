export * from './org-snapshot';
export * from './governance-config';
export * from './plan';
