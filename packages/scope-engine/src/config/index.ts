export * from './parse-governance-config';
export * from './resolve-config';
export * from './templates';
export * from './same-config';
