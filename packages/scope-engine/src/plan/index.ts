export * from './compare';
export * from './sort-plan';
export * from './diff-account';
export * from './notifications';
export * from './plain-text';
export * from './planner';
export * from './plan-functions';
export * from './apply-plan';
