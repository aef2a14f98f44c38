/** The retry policy: SDK client configuration, retryable error names, backoff, translation. */
export * from './client-config';
export * from './retryable-errors';
export * from './backoff';
export * from './translate-error';
export * from './call-aws';
export * from './paginate-with-retries';
