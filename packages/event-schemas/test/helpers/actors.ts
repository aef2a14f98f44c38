import type { ChangeActor } from '../../src';

/** The actor of the fixtures' `AWSReservedSSO_AdministratorAccess` session (a person). */
export const PERSON: ChangeActor = {
  type: 'AssumedRole',
  arn: 'arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_AdministratorAccess_0123456789abcdef/jdoe@example.com',
  principalId: 'AROAEXAMPLEID0000001:jdoe@example.com',
  accountId: '111111111111',
  sessionIssuerArn:
    'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_AdministratorAccess_0123456789abcdef',
  invokedBy: null,
};

/** The product's worker role, as the construct names it in the fixtures. */
export const WORKER_ROLE = 'arn:aws:iam::111111111111:role/org-governance-worker';

/** The actor of the `tag-resource` and `untag-resource` fixtures (an `Admin` role session). */
export const TAGGER: ChangeActor = {
  type: 'AssumedRole',
  arn: 'arn:aws:sts::111111111111:assumed-role/Admin/admin',
  principalId: 'AROAEXAMPLE:admin',
  accountId: '111111111111',
  sessionIssuerArn: null,
  invokedBy: null,
};
