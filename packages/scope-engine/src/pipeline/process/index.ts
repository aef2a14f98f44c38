export * from './audit-plan';
export * from './plan-event';
export * from './process-event';
export * from './account-to-read';
