/**
 * The central stack: `OrgGovernance` and the outputs operators and `orgctl` need.
 */
import { CfnOutput, Stack, type StackProps, aws_iam as iam } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { GovernanceConfig } from '@org/scope-engine';
import { DEFAULT_EVENT_BUS_NAME, OrgGovernance } from '@org/scp-automation-construct';
import type { DeploySettings } from '../settings/deploy-settings';

/** Props of {@link CentralStack}. */
export interface CentralStackProps extends StackProps {
  /** Where and how to deploy. */
  readonly settings: DeploySettings;
  /** The validated governance configuration. */
  readonly governanceConfig: GovernanceConfig;
}

/** Names of the central stack's outputs (read by the `deploy` target's `rules apply` step). */
export const CENTRAL_OUTPUTS = {
  rulesTable: 'RulesTableName',
  operationsQueueUrl: 'OperationsQueueUrl',
  failureTopicArn: 'FailureTopicArn',
  eventBusArn: 'EventBusArn',
  reconcilerFunction: 'ReconcilerFunctionName',
  /** The reconcile state machine: `aws stepfunctions start-execution` runs a reconcile on demand. */
  reconcileStateMachine: 'ReconcileStateMachineArn',
  /** The provisioned-state table: `ORGCTL_STATE_TABLE` of orgctl pause, resume and status. */
  stateTable: 'StateTableName',
} as const;

/**
 * The stack holding `OrgGovernance`.
 *
 * @example
 * ```ts
 * new CentralStack(app, 'OrgGovernance-Central', { env: { account, region }, settings, governanceConfig });
 * ```
 */
export class CentralStack extends Stack {
  /** The governance construct. */
  readonly governance: OrgGovernance;

  constructor(scope: Construct, id: string, props: CentralStackProps) {
    super(scope, id, props);
    const { settings } = props;
    this.governance = new OrgGovernance(this, 'OrgGovernance', {
      governanceConfig: props.governanceConfig,
      managementAccountId: settings.managementAccountId,
      organizationId: settings.organizationId,
      ssoInstanceArn: settings.ssoInstanceArn,
      identityStoreId: settings.identityStoreId,
      identityCenterRoleArn: settings.identityCenterRoleArn,
      // Events reach this account's default bus only in the management account.
      consumeDefaultBus: settings.account === settings.managementAccountId,
      // Identity Center events arise there; elsewhere a forwarder sends them to the central bus.
      identityCenterRegion: settings.identityCenterHomeRegion,
      failureNotificationEmails: settings.failureNotificationEmails,
      failureNotificationUrls: settings.failureNotificationUrls,
      organizationTrail: settings.organizationTrail,
      // The names this app has always deployed: a new name would replace the bus and the trail.
      eventBusName: DEFAULT_EVENT_BUS_NAME,
      trailName: DEFAULT_EVENT_BUS_NAME,
    });
    // Operators' roles may send to the operations queue, whose policy denies everyone else.
    (settings.operatorRoleArns ?? []).forEach((arn, index) => {
      const role = iam.Role.fromRoleArn(this, `OperatorRole${index}`, arn, { mutable: false });
      this.governance.admitOperationsSender(role);
    });
    const outputs: Record<string, string> = {
      [CENTRAL_OUTPUTS.rulesTable]: this.governance.rulesTable.tableName,
      [CENTRAL_OUTPUTS.operationsQueueUrl]: this.governance.operationsQueue.queueUrl,
      [CENTRAL_OUTPUTS.failureTopicArn]: this.governance.failureTopic.topicArn,
      [CENTRAL_OUTPUTS.eventBusArn]: this.governance.eventBus.eventBusArn,
      [CENTRAL_OUTPUTS.reconcilerFunction]: this.governance.reconciler.functionName,
      [CENTRAL_OUTPUTS.reconcileStateMachine]:
        this.governance.reconcileStateMachine.stateMachineArn,
      [CENTRAL_OUTPUTS.stateTable]: this.governance.stateTable.tableName,
    };
    for (const [name, value] of Object.entries(outputs)) {
      new CfnOutput(this, name, { value });
    }
  }
}
