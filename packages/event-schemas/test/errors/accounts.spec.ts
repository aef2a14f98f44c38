import { expectErrors, issue, ACCOUNT, PARENT, RP, RE, SED } from '../helpers/errors';

const CAS = `${SED}.createAccountStatus`;
const HS = `${RE}.handshake`;

describe('parseOrgEvent rejects malformed CreateAccountResult events', () => {
  expectErrors([
    [
      'SUCCEEDED without accountId',
      'create-account-result-succeeded',
      [[`${CAS}.accountId`]],
      'CreateAccountResult',
      [issue(`${CAS}.accountId`, ACCOUNT)],
    ],
    [
      'accountId of 11 digits',
      'create-account-result-succeeded',
      [[`${CAS}.accountId`, '22223333444']],
      'CreateAccountResult',
      [issue(`${CAS}.accountId`, ACCOUNT)],
    ],
    [
      'unknown state',
      'create-account-result-succeeded',
      [[`${CAS}.state`, 'DONE']],
      'CreateAccountResult',
      [issue(`${CAS}.state`, 'one of "SUCCEEDED", "FAILED"')],
    ],
    [
      'serviceEventDetails null',
      'create-account-result-succeeded',
      [[SED, null]],
      'CreateAccountResult',
      [issue(SED, 'an object with createAccountStatus')],
    ],
    [
      'createAccountStatus absent',
      'create-account-result-failed',
      [[`${SED}.createAccountStatus`]],
      'CreateAccountResult',
      [issue(CAS, 'a createAccountStatus object')],
    ],
    [
      'failureReason not a string',
      'create-account-result-failed',
      [[`${CAS}.failureReason`, 42]],
      'CreateAccountResult',
      [issue(`${CAS}.failureReason`, 'a string')],
    ],
  ]);
});

describe('parseOrgEvent rejects malformed AcceptHandshake events', () => {
  expectErrors([
    [
      'responseElements null',
      'accept-handshake',
      [[RE, null]],
      'AcceptHandshake',
      [issue(RE, 'an object with the accepted handshake')],
    ],
    [
      'responseElements absent (service event)',
      'accept-handshake-service-event',
      [[RE]],
      'AcceptHandshake',
      [issue(RE, 'an object with the accepted handshake')],
    ],
    [
      'ACCOUNT party id not 12 digits',
      'accept-handshake',
      [[`${HS}.parties[1].id`, '5555-6666-7777']],
      'AcceptHandshake',
      [issue(`${HS}.parties[1].id`, ACCOUNT)],
    ],
    [
      'no ACCOUNT party, no ACCOUNT resource and no caller account (e-mail invitation)',
      'accept-handshake',
      [[`${HS}.parties[1]`], [`${HS}.resources[1]`], ['$.detail.userIdentity.accountId']],
      'AcceptHandshake',
      [
        issue(
          '$.detail.userIdentity.accountId',
          `${ACCOUNT} (the caller, who accepted an e-mail invitation)`,
        ),
      ],
    ],
    [
      'ACCOUNT resource (email invite) not 12 digits',
      'accept-handshake',
      [
        [`${HS}.parties[1].type`, 'EMAIL'],
        [`${HS}.resources[1].value`, 'x'],
      ],
      'AcceptHandshake',
      [issue(`${HS}.resources`, ACCOUNT)],
    ],
    [
      'state missing',
      'accept-handshake',
      [[`${HS}.state`]],
      'AcceptHandshake',
      [issue(`${HS}.state`, 'a string')],
    ],
    [
      'parties not an array',
      'accept-handshake',
      [[`${HS}.parties`, {}]],
      'AcceptHandshake',
      [issue(`${HS}.parties`, 'an array')],
    ],
    [
      'handshake missing',
      'accept-handshake',
      [[HS]],
      'AcceptHandshake',
      [issue(HS, 'a handshake object')],
    ],
  ]);
});

describe('parseOrgEvent rejects malformed MoveAccount events', () => {
  expectErrors([
    [
      'accountId of 13 digits',
      'move-account',
      [[`${RP}.accountId`, '2222333344445']],
      'MoveAccount',
      [issue(`${RP}.accountId`, ACCOUNT)],
    ],
    [
      'accountId a number',
      'move-account',
      [[`${RP}.accountId`, 222233334444]],
      'MoveAccount',
      [issue(`${RP}.accountId`, ACCOUNT)],
    ],
    [
      'destinationParentId without its OU part',
      'move-account',
      [[`${RP}.destinationParentId`, 'ou-ab12']],
      'MoveAccount',
      [issue(`${RP}.destinationParentId`, PARENT)],
    ],
    [
      'sourceParentId missing',
      'move-account',
      [[`${RP}.sourceParentId`]],
      'MoveAccount',
      [issue(`${RP}.sourceParentId`, PARENT)],
    ],
    [
      'sourceParentId uppercase root',
      'move-account',
      [[`${RP}.sourceParentId`, 'R-AB12']],
      'MoveAccount',
      [issue(`${RP}.sourceParentId`, PARENT)],
    ],
    [
      'requestParameters null',
      'move-account',
      [[RP, null]],
      'MoveAccount',
      [issue(RP, 'an object with accountId, sourceParentId and destinationParentId')],
    ],
    [
      'requestParameters absent',
      'move-account',
      [[RP]],
      'MoveAccount',
      [issue(RP, 'an object with accountId, sourceParentId and destinationParentId')],
    ],
    [
      'every problem at once, in document order',
      'move-account',
      [
        ['$.account', 'x'],
        [`${RP}.accountId`, '1'],
        [`${RP}.destinationParentId`, 'p-FullAWSAccess'],
      ],
      'MoveAccount',
      [
        issue('$.account', ACCOUNT),
        issue(`${RP}.accountId`, ACCOUNT),
        issue(`${RP}.destinationParentId`, PARENT),
      ],
    ],
  ]);
});

describe('parseOrgEvent rejects malformed RemoveAccountFromOrganization / CloseAccountResult events', () => {
  expectErrors([
    [
      'RemoveAccountFromOrganization accountId missing',
      'remove-account-from-organization',
      [[`${RP}.accountId`]],
      'RemoveAccountFromOrganization',
      [issue(`${RP}.accountId`, ACCOUNT)],
    ],
    [
      'RemoveAccountFromOrganization requestParameters null',
      'remove-account-from-organization',
      [[RP, null]],
      'RemoveAccountFromOrganization',
      [issue(RP, 'an object with accountId')],
    ],
    [
      'CloseAccountResult accountId not 12 digits',
      'close-account-result',
      [[`${SED}.closeAccountStatus.accountId`, 'acct-1']],
      'CloseAccountResult',
      [issue(`${SED}.closeAccountStatus.accountId`, ACCOUNT)],
    ],
    [
      'CloseAccountResult closeAccountStatus absent',
      'close-account-result',
      [[`${SED}.closeAccountStatus`]],
      'CloseAccountResult',
      [issue(`${SED}.closeAccountStatus`, 'a closeAccountStatus object')],
    ],
    [
      'CloseAccountResult serviceEventDetails absent',
      'close-account-result',
      [[SED]],
      'CloseAccountResult',
      [issue(SED, 'an object with closeAccountStatus')],
    ],
  ]);
});
