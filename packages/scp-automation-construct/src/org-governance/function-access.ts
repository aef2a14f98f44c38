/**
 * What each function touches: the least-privilege matrix, as data so it can be read (and
 * reviewed) in one place. Derived from each handler's wiring (`apps/handlers/src/<function>/
 * *-dependencies.ts`) and the calls of the `@org/aws-adapters` methods it uses (transactional
 * writes are authorized per item action: PutItem / DeleteItem).
 */
import type { TableAction } from '../iam/data-access-statements';
import type { GovernanceTableName, HandlerFunctionName } from '@org/contracts';

/** The product's tables (their designs are the contract's `TABLE_DESIGNS`). */
export type { GovernanceTableName };

/**
 * Which Organizations calls a function makes: `readAccount` — one account with its OU path and
 * SCPs (`readAccountStructure`); `readOrganization` — the whole tree (`readSnapshotStructure`);
 * `attachScps` — AttachPolicy / DetachPolicy, plus the reads of `readAccount` (the worker re-reads
 * the account before executing an operation: level-triggered execution); `readAccountAndOrganization`
 * — both reads (the processor plans one account per event, and the accounts in scope of the rules
 * waiting on a new group, user or permission set).
 */
export type OrganizationsAccess =
  'readAccount' | 'readOrganization' | 'readAccountAndOrganization' | 'attachScps';

/**
 * Which Identity Center calls a function makes, with its own role or the delegated
 * `identityCenterRoleArn`: `none`; `describePrincipals` — DescribeGroup / DescribeUser of a
 * principal a directory event names by id; `read` — permission sets, principals and the
 * assignments of given permission sets (the directory view); `assign` — create/delete
 * assignments and poll them.
 */
export type IdentityCenterAccess = 'none' | 'describePrincipals' | 'read' | 'assign';

/** What one function may do. */
export interface FunctionAccess {
  /** DynamoDB actions per table (on the table only: no function queries an index). */
  readonly tables: Partial<Readonly<Record<GovernanceTableName, readonly TableAction[]>>>;
  /** Send operations to the operations queue. */
  readonly sendOperations: boolean;
  /** Organizations calls. */
  readonly organizations: OrganizationsAccess;
  /** Identity Center calls. */
  readonly identityCenter: IdentityCenterAccess;
  /** Send the configured notifications (Support cases, webhooks, SNS topics). */
  readonly notifications: boolean;
}

/** Rules: the configuration pointer (GetItem) and the rules of its generation (Query). */
const RULES: readonly TableAction[] = ['dynamodb:GetItem', 'dynamodb:Query'];
/** Audit entries are only appended. */
const APPEND: readonly TableAction[] = ['dynamodb:PutItem'];
/**
 * Two-phase once-only markers (Support cases, webhook and SNS sends, failure reports): claimed
 * IN_PROGRESS with a lease (conditional put), read back on a retry, completed or taken over
 * (conditional update), released when the guarded work certainly did not happen.
 */
const LEASED_MARKERS: readonly TableAction[] = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
];
/**
 * The shared quota (rate windows and leases: read, create, compare-and-swap) and, for the
 * reconciler, a sharded run's checkpoints (put, and read in parts with BatchGetItem).
 */
const QUOTA: readonly TableAction[] = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
];

/**
 * The tag ledger of the accounts a planner plans (one Query per account), read only when
 * `trustedTagPrincipals` is configured.
 */
const TAG_LEDGER_READ: readonly TableAction[] = ['dynamodb:Query'];
/** The processor also records who set or removed a tag (a conditional put: newest wins). */
const TAG_LEDGER_RECORD: readonly TableAction[] = [...TAG_LEDGER_READ, 'dynamodb:PutItem'];

/**
 * The least-privilege matrix.
 *
 * @example
 * ```ts
 * FUNCTION_ACCESS['operations-worker'].tables.state; // read + record applied/removed items
 * ```
 */
export const FUNCTION_ACCESS: Readonly<Record<HandlerFunctionName, FunctionAccess>> = {
  // Plans one account from Organizations, the stored directory view (GetItem on the state table)
  // and its provisioned state (Query); forgets an account that left (Query + BatchWriteItem);
  // enqueues operations. Its only Identity Center calls name a group or user a directory event
  // gives by id (DescribeGroup / DescribeUser); it then records it in the stored directory view
  // (PutItem) and reads the tree to plan the accounts of the rules waiting on it.
  'org-events-processor': {
    tables: {
      rules: RULES,
      state: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchWriteItem', 'dynamodb:PutItem'],
      audit: APPEND,
      idempotency: LEASED_MARKERS,
      tagLedger: TAG_LEDGER_RECORD,
    },
    sendOperations: true,
    organizations: 'readAccountAndOrganization',
    identityCenter: 'describePrincipals',
    notifications: false,
  },
  // Executes operations and records what it provisioned (read the item, then a transaction of
  // puts or deletes); reads the account's provisioned state before creating an assignment (whose
  // assignment it is); re-queues assignments still in progress.
  'operations-worker': {
    tables: {
      rules: RULES,
      state: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
      audit: APPEND,
      idempotency: QUOTA,
      tagLedger: TAG_LEDGER_READ,
    },
    sendOperations: true,
    organizations: 'attachScps',
    identityCenter: 'assign',
    notifications: false,
  },
  // Re-reads the account from Organizations and sends the configured notifications once; reads
  // the event's audit entries when a delivery repeats. No provisioned state, no operations
  // queue, no Identity Center call.
  'vending-notifier': {
    tables: {
      rules: RULES,
      audit: ['dynamodb:PutItem', 'dynamodb:Query'],
      idempotency: LEASED_MARKERS,
    },
    sendOperations: false,
    organizations: 'readAccount',
    identityCenter: 'none',
    notifications: true,
  },
  // Whole-organization drift repair: scans the provisioned state, forgets accounts that left
  // (Query + BatchWriteItem), stores the directory view and its run record (BatchWriteItem) and
  // reads the pause switch (GetItem).
  reconciler: {
    tables: {
      rules: RULES,
      state: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:BatchWriteItem'],
      audit: APPEND,
      idempotency: [...QUOTA, 'dynamodb:BatchGetItem'],
      // A full run reads the whole ledger (paged Scan); a shard reads its accounts' (Query).
      tagLedger: [...TAG_LEDGER_READ, 'dynamodb:Scan'],
    },
    sendOperations: true,
    organizations: 'readOrganization',
    identityCenter: 'read',
    notifications: false,
  },
};
