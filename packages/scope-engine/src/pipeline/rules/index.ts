export * from './rules-source';
export * from './tag-keys';
