export * from './operation-result';
export * from './execution-settings';
export * from './execute-dependencies';
export * from './call-port';
export * from './poll-request';
export * from './scp-operations';
export * from './assignment-operations';
export * from './execute-operation';
