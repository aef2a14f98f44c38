export * from './reconcile';
export * from './apply-rules';
