/**
 * Which data each function touches: the least-privilege matrix, as data so it can be read (and
 * reviewed) in one place.
 */
import type { TableAction } from '../iam/data-access-statements';
import type { HandlerFunctionName } from '../functions/handler-assets';

/** The product's tables. */
export type GovernanceTableName = 'rules' | 'state' | 'audit' | 'idempotency';

/** What one function may do with the product's data. */
export interface FunctionAccess {
  /** DynamoDB actions per table. */
  readonly tables: Partial<Readonly<Record<GovernanceTableName, readonly TableAction[]>>>;
  /** Also query the provisioned-state tag-key index. */
  readonly queryStateTagKeyIndex: boolean;
  /** Send operations to the operations queue. */
  readonly sendOperations: boolean;
}

const READ: readonly TableAction[] = ['dynamodb:GetItem', 'dynamodb:Query'];
const APPEND: readonly TableAction[] = ['dynamodb:PutItem'];
/** Powertools idempotency and once-only markers: conditional put, read, update, delete. */
const IDEMPOTENCY: readonly TableAction[] = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
];

/**
 * The least-privilege matrix.
 *
 * @example
 * ```ts
 * FUNCTION_ACCESS['operations-worker'].tables.state; // read + write
 * ```
 */
export const FUNCTION_ACCESS: Readonly<Record<HandlerFunctionName, FunctionAccess>> = {
  // Plans one account's operations: reads rules and provisioned state, enqueues operations.
  'org-events-processor': {
    tables: { rules: READ, state: READ, audit: APPEND, idempotency: IDEMPOTENCY },
    queryStateTagKeyIndex: true,
    sendOperations: true,
  },
  // Executes operations and records what it provisioned; re-queues assignments still in progress.
  'operations-worker': {
    tables: {
      state: [
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
      ],
      audit: APPEND,
      idempotency: IDEMPOTENCY,
    },
    queryStateTagKeyIndex: false,
    sendOperations: true,
  },
  // Control Tower vending: notifications (once per account and rule) and the vended account's plan.
  'vending-notifier': {
    tables: { rules: READ, state: READ, audit: APPEND, idempotency: IDEMPOTENCY },
    queryStateTagKeyIndex: false,
    sendOperations: true,
  },
  // Whole-organization drift repair: reads everything, forgets accounts that left.
  reconciler: {
    tables: {
      rules: READ,
      state: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:DeleteItem'],
      audit: APPEND,
    },
    queryStateTagKeyIndex: false,
    sendOperations: true,
  },
};
