/**
 * `@org/aws-adapters/sso-admin`: the IAM Identity Center (SSO Admin) adapter.
 */
export {
  IdentityCenterAdapter,
  type IdentityCenterAdapterOptions,
} from './identity-center-adapter';
export type { IdentityCenterInstance } from './sso-admin-api';
export { toRequestState } from './assignment-status';
