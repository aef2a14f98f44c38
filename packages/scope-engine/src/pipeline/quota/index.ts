export * from './quota-store';
export * from './in-memory-quota-store';
export * from './identity-center-quota';
export * from './lease-table';
