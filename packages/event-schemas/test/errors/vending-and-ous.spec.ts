import { expectErrors, issue, ACCOUNT, OU, PARENT, RP, RE, SED } from '../helpers/errors';

const CMS = `${SED}.createManagedAccountStatus`;

describe('parseOrgEvent rejects malformed Control Tower vending events', () => {
  expectErrors([
    [
      'SUCCEEDED with a garbage accountId (one issue, not two)',
      'create-managed-account-succeeded',
      [[`${CMS}.account.accountId`, 'pending']],
      'CreateManagedAccount',
      [issue(`${CMS}.account.accountId`, `${ACCOUNT} or "Not Available"`)],
    ],
    [
      'SUCCEEDED with "Not Available"',
      'create-managed-account-succeeded',
      [[`${CMS}.account.accountId`, 'Not Available']],
      'CreateManagedAccount',
      [issue(`${CMS}.account.accountId`, `${ACCOUNT} (the vending SUCCEEDED)`)],
    ],
    [
      'SUCCEEDED without organizationalUnit',
      'create-managed-account-succeeded',
      [[`${CMS}.organizationalUnit`]],
      'CreateManagedAccount',
      [issue(`${CMS}.organizationalUnit.organizationalUnitId`, `${OU} (the vending SUCCEEDED)`)],
    ],
    [
      'SUCCEEDED without account',
      'create-managed-account-aws-internal',
      [[`${CMS}.account`]],
      'CreateManagedAccount',
      [issue(`${CMS}.account.accountId`, `${ACCOUNT} (the vending SUCCEEDED)`)],
    ],
    [
      'unknown state',
      'create-managed-account-succeeded',
      [[`${CMS}.state`, 'COMPLETED']],
      'CreateManagedAccount',
      [issue(`${CMS}.state`, 'one of "SUCCEEDED", "FAILED", "IN_PROGRESS"')],
    ],
    [
      'OU id malformed',
      'create-managed-account-failed',
      [[`${CMS}.organizationalUnit.organizationalUnitId`, 'Prod']],
      'CreateManagedAccount',
      [issue(`${CMS}.organizationalUnit.organizationalUnitId`, `${OU} or "Not Available"`)],
    ],
    [
      'accountId a number',
      'create-managed-account-failed',
      [[`${CMS}.account.accountId`, 888899990000]],
      'CreateManagedAccount',
      [issue(`${CMS}.account.accountId`, `${ACCOUNT} or "Not Available"`)],
    ],
    [
      'UpdateManagedAccount carrying createManagedAccountStatus',
      'update-managed-account-succeeded',
      [
        [`${SED}.createManagedAccountStatus`, { state: 'SUCCEEDED' }],
        [`${SED}.updateManagedAccountStatus`],
      ],
      'UpdateManagedAccount',
      [issue(`${SED}.updateManagedAccountStatus`, 'a managed account status object')],
    ],
    [
      'serviceEventDetails null',
      'create-managed-account-succeeded',
      [[SED, null]],
      'CreateManagedAccount',
      [issue(SED, 'an object with createManagedAccountStatus')],
    ],
  ]);
});

describe('parseOrgEvent rejects malformed CreateOrganizationalUnit events', () => {
  expectErrors([
    [
      'created OU id malformed',
      'create-organizational-unit',
      [[`${RE}.organizationalUnit.id`, 'ou-AB12-44444444']],
      'CreateOrganizationalUnit',
      [issue(`${RE}.organizationalUnit.id`, OU)],
    ],
    [
      'parentId malformed',
      'create-organizational-unit',
      [[`${RP}.parentId`, 'root']],
      'CreateOrganizationalUnit',
      [issue(`${RP}.parentId`, PARENT)],
    ],
    [
      'responseElements null',
      'create-organizational-unit',
      [[RE, null]],
      'CreateOrganizationalUnit',
      [issue(RE, 'an object with the created organizationalUnit')],
    ],
    [
      'organizationalUnit name missing',
      'create-organizational-unit',
      [[`${RE}.organizationalUnit.name`]],
      'CreateOrganizationalUnit',
      [issue(`${RE}.organizationalUnit.name`, 'a string')],
    ],
    [
      'organizationalUnit missing',
      'create-organizational-unit',
      [[`${RE}.organizationalUnit`]],
      'CreateOrganizationalUnit',
      [issue(`${RE}.organizationalUnit`, 'an organizationalUnit object with id and name')],
    ],
    [
      'requestParameters absent',
      'create-organizational-unit',
      [[RP]],
      'CreateOrganizationalUnit',
      [issue(RP, 'an object with parentId')],
    ],
  ]);
});
