/**
 * `@org/aws-adapters/organizations`: the Organizations adapter.
 */
export { OrganizationsAdapter, type OrganizationsAdapterOptions } from './organizations-adapter';
export { toAccountStatus } from './account-status';
export { typesToRead, type PolicyTypeSource } from './policy-reads';
export { readRoot, type RootInfo } from './organizations-api';
