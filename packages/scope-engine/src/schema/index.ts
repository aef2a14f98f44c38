export * from './id-schemas';
