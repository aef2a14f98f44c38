/**
 * Which data each function touches: the least-privilege matrix, as data so it can be read (and
 * reviewed) in one place. Actions follow what `@org/aws-adapters`' DynamoDB repositories call
 * (transactional writes are authorized per item action: PutItem / DeleteItem).
 */
import type { TableAction } from '../iam/data-access-statements';
import type { HandlerFunctionName } from '../functions/handler-assets';

/** The product's tables. */
export type GovernanceTableName = 'rules' | 'state' | 'audit' | 'idempotency';

/** What one function may do with the product's data. */
export interface FunctionAccess {
  /** DynamoDB actions per table (a Query also covers the table's indexes). */
  readonly tables: Partial<Readonly<Record<GovernanceTableName, readonly TableAction[]>>>;
  /** Send operations to the operations queue. */
  readonly sendOperations: boolean;
}

/** Rules: the configuration pointer (GetItem) and rules by generation or scope (Query). */
const READ: readonly TableAction[] = ['dynamodb:GetItem', 'dynamodb:Query'];
/** Audit entries are only appended. */
const APPEND: readonly TableAction[] = ['dynamodb:PutItem'];
/**
 * Two-phase once-only markers (Support cases, webhook and SNS sends): claimed IN_PROGRESS with a
 * lease (conditional put), read back on a retry, completed or taken over (conditional update),
 * released when the guarded work certainly did not happen.
 */
const LEASED_MARKERS: readonly TableAction[] = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
];
/** The worker's Identity Center quota (rate windows and leases): read, create, compare-and-swap. */
const QUOTA: readonly TableAction[] = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
];

/**
 * The least-privilege matrix.
 *
 * @example
 * ```ts
 * FUNCTION_ACCESS['operations-worker'].tables.state; // read + record applied/removed items
 * ```
 */
export const FUNCTION_ACCESS: Readonly<Record<HandlerFunctionName, FunctionAccess>> = {
  // Plans one account's operations: reads rules and provisioned state, enqueues operations.
  'org-events-processor': {
    tables: { rules: READ, state: READ, audit: APPEND, idempotency: LEASED_MARKERS },
    sendOperations: true,
  },
  // Executes operations and records what it provisioned (with the tag keys of the rules);
  // re-queues assignments still in progress.
  'operations-worker': {
    tables: {
      rules: READ,
      state: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
      audit: APPEND,
      idempotency: QUOTA,
    },
    sendOperations: true,
  },
  // Plans the vended (or created/joined) account like the processor, then notifies once.
  'vending-notifier': {
    tables: { rules: READ, state: READ, audit: APPEND, idempotency: LEASED_MARKERS },
    sendOperations: true,
  },
  // Whole-organization drift repair: reads everything, forgets accounts that left.
  reconciler: {
    tables: {
      rules: READ,
      state: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchWriteItem'],
      audit: APPEND,
    },
    sendOperations: true,
  },
};
