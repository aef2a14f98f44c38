/**
 * `@org/aws-adapters/identitystore`: the Identity Store (users and groups) adapter.
 */
export {
  DirectoryAdapter,
  type DirectoryAdapterOptions,
  type IdentityStoreIdSource,
} from './directory-adapter';
