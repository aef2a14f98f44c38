/**
 * A governance configuration exercising every notification target type (test fixture).
 */
import type { GovernanceConfig } from '@org/scope-engine';

/** Support case + webhook + SNS notifications, SCP and assignment rules. */
export const FULL_CONFIG: GovernanceConfig = {
  settings: { maxScpsPerTarget: 10, includeManagementAccount: false },
  scpRules: [
    {
      id: 'baseline-guardrails',
      policies: ['DenyLeaveOrg'],
      scope: { type: 'root' },
      exclude: { accounts: [], ous: [] },
    },
  ],
  assignmentRules: [
    {
      id: 'auditors-readonly',
      permissionSet: 'ReadOnly',
      principal: { type: 'GROUP', name: 'Auditors' },
      scope: { type: 'accountTag', key: 'env', value: 'prod' },
      exclude: { accounts: [], ous: [] },
    },
  ],
  notifications: [
    {
      id: 'ams-onboarding',
      on: ['ManagedAccountVended'],
      target: {
        type: 'supportCase',
        subject: 'New account {accountId}',
        body: 'Onboard {accountId} ({accountName})',
        serviceCode: 'service-ams-operations-service-request',
        categoryCode: 'onboarding-or-offboarding',
        severityCode: 'low',
      },
    },
    {
      id: 'cmdb',
      on: ['ManagedAccountVended', 'AccountCreated'],
      target: {
        type: 'webhook',
        url: 'https://cmdb.example.com/hooks/accounts',
        secretArn: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:cmdb-hmac',
      },
    },
    {
      id: 'billing',
      on: ['AccountJoined'],
      target: { type: 'sns', topicArn: 'arn:aws:sns:us-east-1:111111111111:billing-accounts' },
    },
  ],
};
