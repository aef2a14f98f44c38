export * from './send-notifications';
