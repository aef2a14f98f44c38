export * from './domain/domain-event';
export * from './domain/parse-result';
export * from './errors';
