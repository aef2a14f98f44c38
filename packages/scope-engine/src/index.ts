export * from './model';
export * from './ports';
