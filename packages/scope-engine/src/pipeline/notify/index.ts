export * from './plan-notifications';
export * from './send-notifications';
