export * from './audit-plan';
export * from './plan-event';
export * from './process-event';
