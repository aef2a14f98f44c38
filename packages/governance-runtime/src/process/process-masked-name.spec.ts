import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGovernanceEvent } from '@org/event-schemas';
import type { OrgSnapshot } from '@org/scope-engine';
import { staticRulesSource } from '../rules/rules-source';
import { InMemoryAuditLog } from '../testing/in-memory-audit-log';
import { InMemoryOperationQueue } from '../testing/in-memory-operation-queue';
import { InMemoryOrganization } from '../testing/in-memory-organization';
import { InMemoryProvisionedState } from '../testing/in-memory-provisioned-state';
import { VirtualClock } from '../testing/virtual-clock';
import { processGovernanceEvent } from './process-change';
import {
  activeAccount,
  DEFAULT_SETTINGS,
  MANAGEMENT_ACCOUNT,
  orgSnapshot,
  ROOT_ID,
} from '../../test/support/org-fixtures';

/** An organization that knows the account the masked sample created. */
const ORG: OrgSnapshot = orgSnapshot({
  accounts: [MANAGEMENT_ACCOUNT, activeAccount('222233334444', 'payments-prod', ROOT_ID)],
});
const CONFIG = { settings: DEFAULT_SETTINGS, scpRules: [], assignmentRules: [], notifications: [] };

describe('processGovernanceEvent: a name CloudTrail masks', () => {
  it('notifies with the name re-read from Organizations (DescribeAccount), never "****"', async () => {
    const raw: unknown = JSON.parse(
      readFileSync(
        join(
          __dirname,
          '../../../event-schemas/test/fixtures/create-account-result-masked-name.json',
        ),
        'utf8',
      ),
    );
    const outcome = parseGovernanceEvent(raw);
    if (outcome.kind === 'error') throw outcome.error;
    const org = new InMemoryOrganization(ORG);
    const clock = new VirtualClock(3_600_000);
    const result = await processGovernanceEvent(outcome, {
      organizations: org,
      identityCenter: org,
      directory: org,
      provisionedState: new InMemoryProvisionedState(),
      rules: staticRulesSource({
        ...CONFIG,
        notifications: [
          {
            id: 'created',
            on: ['AccountCreated'],
            target: {
              type: 'sns',
              topicArn: 'arn:aws:sns:us-east-1:111111111111:new',
              subject: 'New account {accountId} ({accountName})',
            },
          },
        ],
      }),
      queue: new InMemoryOperationQueue(),
      audit: new InMemoryAuditLog(),
      clock,
    });
    expect(result.notifications.map((n) => n.subject)).toStrictEqual([
      'New account 222233334444 (payments-prod)',
    ]);
  });
});
