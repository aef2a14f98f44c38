export * from './problem';
export * from './format-path';
export * from './format-problem';
export * from './sort-problems';
