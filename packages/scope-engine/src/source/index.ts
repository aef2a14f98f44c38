export * from './source-document';
export * from './read-document';
