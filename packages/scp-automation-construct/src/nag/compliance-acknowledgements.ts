/**
 * Acknowledgements of the stricter cdk-nag packs (Serverless, NIST 800-53 R5) for findings the
 * product's design answers differently, each with its reason. Only rule ids that are not about
 * permissions: wildcard permissions are acknowledged statement by statement
 * (`acknowledge-wildcards.ts`).
 */
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** The reasons, by rule id, for one Lambda function of the product. */
const FUNCTION_REASONS: Readonly<Record<string, string>> = {
  'Serverless-LambdaDLQ':
    'Failed asynchronous invocations go to an on-failure destination (the failed-events queue, with the ' +
    'request and the error); the worker is an SQS consumer whose queue has its own dead-letter queue.',
  'NIST.800.53.R5-LambdaDLQ':
    'Failed asynchronous invocations go to an on-failure destination (the failed-events queue, with the ' +
    'request and the error); the worker is an SQS consumer whose queue has its own dead-letter queue.',
  'Serverless-LambdaLatestVersion':
    'nodejs22.x is the runtime the shipped bundles are built and tested for; the runtime prop selects another.',
  'NIST.800.53.R5-LambdaConcurrency':
    'Reserved concurrency is optional (functions.*.reservedConcurrentExecutions): a new account may have an ' +
    'unreserved quota of 10; the worker is bounded by the queue’s maximum concurrency instead.',
};

/**
 * Acknowledges, on one function, the stricter packs' findings its design answers.
 *
 * @example
 * ```ts
 * acknowledgeFunctionFindings(fn);
 * ```
 */
export function acknowledgeFunctionFindings(fn: IConstruct): void {
  for (const [id, reason] of Object.entries(FUNCTION_REASONS)) {
    Validations.of(fn).acknowledge({ id, reason });
  }
}

/**
 * Acknowledges, on a dead-letter queue, that it has no dead-letter queue of its own.
 *
 * @example
 * ```ts
 * acknowledgeDeadLetterQueue(queue, 'This is the dead-letter queue of the operations queue.');
 * ```
 */
export function acknowledgeDeadLetterQueue(queue: IConstruct, reason: string): void {
  for (const id of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy']) {
    Validations.of(queue).acknowledge({ id, reason });
  }
}

/**
 * Acknowledges the NIST pack's preference for managed policies over policies attached to one
 * role: each function has a role of its own with exactly its permissions (a managed policy would
 * be shared and broader).
 *
 * @example
 * ```ts
 * acknowledgeRolePolicies(this);
 * ```
 */
export function acknowledgeRolePolicies(scope: IConstruct): void {
  Validations.of(scope).acknowledge({
    id: 'NIST.800.53.R5-IAMNoInlinePolicy',
    reason:
      'Each function role has its own policies with exactly its permissions, reviewed per role in the ' +
      'IAM allow-list test; managed policies would be shared between roles and broader.',
  });
}

/**
 * Acknowledges that the worker's event source mapping has no on-failure destination: operations
 * that fail `maxReceiveCount` times move to the queue's dead-letter queue, which is alarmed on.
 *
 * @example
 * ```ts
 * acknowledgeQueueConsumer(worker);
 * ```
 */
export function acknowledgeQueueConsumer(fn: IConstruct): void {
  Validations.of(fn).acknowledge({
    id: 'Serverless-LambdaEventSourceMappingDestination',
    reason:
      'Operations that fail maxReceiveCount times move to the operations dead-letter queue (redrive ' +
      'policy), whose depth is a critical alarm.',
  });
}

/**
 * The construct-wide acknowledgements: role policies on `scope`, the queue consumer on `worker`.
 *
 * @example
 * ```ts
 * acknowledgeGovernanceFindings(this, worker);
 * ```
 */
export function acknowledgeGovernanceFindings(scope: IConstruct, worker: IConstruct): void {
  acknowledgeRolePolicies(scope);
  acknowledgeQueueConsumer(worker);
}
