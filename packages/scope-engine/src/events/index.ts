export * from './event-effect';
export * from './apply-event';
