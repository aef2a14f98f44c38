export * from './references';
export * from './compiled-rules';
