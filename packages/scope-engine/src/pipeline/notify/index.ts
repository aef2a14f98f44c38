export * from './delivery-markers';
export * from './deliver-once';
export * from './plan-notifications';
export * from './send-notifications';
