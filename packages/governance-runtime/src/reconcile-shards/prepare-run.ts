import { SERVICE_CONTROL_POLICY, type Attachment, type PolicyType } from '@org/scope-engine';
import type { Clock } from '../clock';
import type { DirectoryPort } from '../ports/directory-port';
import type { AssignmentKey, IdentityCenterPort } from '../ports/identity-center-port';
import type { ProvisionedStateRepository } from '../ports/provisioned-state-repository';
import type { RulesSource } from '../rules/rules-source';
import { readDirectoryView, relevantPermissionSetArns } from '../state/directory-view';
import { policyTypesToRead } from '../state/policy-types-to-read';
import type { AssignmentsByPrincipal, OrganizationReads } from './organization-reads';
import {
  type PrepareProgress,
  type ReadTask,
  RUN_DOCUMENTS,
  type RunDocument,
  type ShardInput,
} from './run-documents';
import type { ReconcileRunStore } from './run-store';

/** The ports {@link prepareReconcileRun} reads. */
export interface PrepareRunDependencies {
  readonly organizations: OrganizationReads;
  readonly identityCenter: Pick<IdentityCenterPort, 'listPermissionSets'> & AssignmentsByPrincipal;
  readonly directory: DirectoryPort;
  readonly provisionedState: Pick<ProvisionedStateRepository, 'listAll'>;
  readonly rules: RulesSource;
  readonly runs: ReconcileRunStore;
  readonly clock: Clock;
}

/** Options of {@link prepareReconcileRun}. */
export interface PrepareRunOptions {
  readonly runId: string;
  /** Stop starting reads at this time (epoch ms) and checkpoint: the next invocation goes on. */
  readonly deadlineMs: number;
  /** Accounts per shard. @default 1000 */
  readonly shardSize?: number;
  /** Reads in flight at once (they wait on the services' rate budgets). @default 4 */
  readonly concurrency?: number;
}

/** Where a preparation stands after one invocation. */
export type PrepareOutcome =
  | { readonly done: false; readonly pendingReads: number }
  | { readonly done: true; readonly shards: readonly number[]; readonly accounts: number };

const isAccountId = (id: string): boolean => /^\d{12}$/.test(id);

/** The first state of a run: the directory view, and the reads to make. */
async function start(deps: PrepareRunDependencies): Promise<PrepareProgress> {
  const config = await deps.rules.current();
  const [root, view, provisioned] = await Promise.all([
    deps.organizations.describeRoot(),
    readDirectoryView(config, deps.identityCenter, deps.directory),
    deps.provisionedState.listAll(),
  ]);
  // The types the rules use or the product provisioned (its managed attachments of a type whose
  // last rule is gone are still read, and detached), among those enabled on the root (a type that
  // is not enabled has no attachments); SCPs always.
  const enabled = new Set<PolicyType>([SERVICE_CONTROL_POLICY, ...(root.enabledPolicyTypes ?? [])]);
  const types = policyTypesToRead(config, provisioned).filter((type) => enabled.has(type));
  const policies = await deps.organizations.listPolicies(types);
  const principals = new Map<string, ReadTask>();
  const principalTask = (principalType: 'USER' | 'GROUP', principalId: string) =>
    principals.set(`${principalType}#${principalId}`, {
      kind: 'principal',
      principalType,
      principalId,
    });
  for (const principal of view.principals) principalTask(principal.type, principal.id);
  const arns = new Set(
    relevantPermissionSetArns(config, view.permissionSets, { accountId: '', items: [] }),
  );
  for (const state of provisioned) {
    for (const item of state.items) {
      if (item.kind === 'assignment') {
        principalTask(item.principalType, item.principalId);
        arns.add(item.permissionSetArn);
      }
    }
  }
  return {
    ...root,
    view,
    relevantPermissionSetArns: [...arns].sort(),
    tasks: [
      { kind: 'ous', parentId: root.rootId },
      { kind: 'accounts', parentId: root.rootId },
      ...policies.map((policy): ReadTask => ({ kind: 'targets', policyId: policy.id })),
      ...principals.values(),
    ],
    organizationalUnits: [],
    accounts: [],
    policies,
    attachments: [],
    assignments: [],
    calls: { organizations: 2 + types.length, identityCenter: 0 },
  };
}

/** Mutable collections of one invocation's reads. */
interface Collected {
  tasks: ReadTask[];
  ous: PrepareProgress['organizationalUnits'][number][];
  accounts: PrepareProgress['accounts'][number][];
  attachments: Attachment[];
  assignments: AssignmentKey[];
  organizationsCalls: number;
  identityCenterCalls: number;
}

/** Makes one read and records what it found and what to read next. */
async function read(
  task: ReadTask,
  deps: PrepareRunDependencies,
  relevant: ReadonlySet<string>,
  into: Collected,
): Promise<void> {
  const more = (token: string | undefined, next: Exclude<ReadTask, { kind: 'principal' }>) => {
    if (token !== undefined) into.tasks.push({ ...next, token });
  };
  if (task.kind === 'principal') {
    into.identityCenterCalls += 1;
    const found = await deps.identityCenter.listAssignmentsOfPrincipal(
      task.principalType,
      task.principalId,
    );
    into.assignments.push(...found.filter((a) => relevant.has(a.permissionSetArn)));
    return;
  }
  into.organizationsCalls += 1;
  if (task.kind === 'targets') {
    const page = await deps.organizations.listTargets(task.policyId, task.token);
    for (const targetId of page.items) {
      if (isAccountId(targetId)) into.attachments.push({ targetId, policyId: task.policyId });
    }
    more(page.nextToken, task);
  } else if (task.kind === 'ous') {
    const page = await deps.organizations.listOrganizationalUnits(task.parentId, task.token);
    into.ous.push(...page.items);
    for (const ou of page.items) {
      into.tasks.push({ kind: 'ous', parentId: ou.id }, { kind: 'accounts', parentId: ou.id });
    }
    more(page.nextToken, task);
  } else {
    const page = await deps.organizations.listAccounts(task.parentId, task.token);
    into.accounts.push(...page.items);
    more(page.nextToken, task);
  }
}

/** Cuts the organization into shards of `shardSize` accounts (by account id) and stores them. */
async function writeShards(
  deps: PrepareRunDependencies,
  runId: string,
  progress: PrepareProgress,
  shardSize: number,
): Promise<PrepareOutcome> {
  const accounts = [...progress.accounts].sort((a, b) => (a.id < b.id ? -1 : 1));
  const shardOf = new Map(accounts.map((account, i) => [account.id, Math.floor(i / shardSize)]));
  const shardCount = Math.ceil(accounts.length / shardSize);
  const inputs = Array.from({ length: shardCount }, (_, shard) => ({
    accounts: accounts.slice(shard * shardSize, (shard + 1) * shardSize),
    attachments: [] as Attachment[],
    assignments: [] as AssignmentKey[],
  }));
  for (const attachment of progress.attachments) {
    const shard = shardOf.get(attachment.targetId);
    if (shard !== undefined) inputs[shard]?.attachments.push(attachment);
  }
  for (const assignment of progress.assignments) {
    const shard = shardOf.get(assignment.accountId);
    if (shard !== undefined) inputs[shard]?.assignments.push(assignment);
  }
  for (const [shard, input] of inputs.entries()) {
    await deps.runs.put(runId, RUN_DOCUMENTS.shard(shard), input satisfies ShardInput);
  }
  const run: RunDocument = {
    rootId: progress.rootId,
    managementAccountId: progress.managementAccountId,
    ...(progress.enabledPolicyTypes === undefined
      ? {}
      : { enabledPolicyTypes: progress.enabledPolicyTypes }),
    view: progress.view,
    organizationalUnits: progress.organizationalUnits,
    policies: progress.policies,
    accountIds: accounts.map((account) => account.id),
    shardCount,
    calls: progress.calls,
  };
  await deps.runs.put(runId, RUN_DOCUMENTS.run, run);
  return { done: true, shards: inputs.map((_, shard) => shard), accounts: accounts.length };
}

/**
 * The first step of a sharded reconcile: reads the organization's tree (OUs and accounts per
 * parent, a page per call), the policies of every type the rules use or the product provisioned
 * (and the root enables) and each policy's account targets (`ListTargetsForPolicy`: one read per
 * 20 attachments instead of one `ListPoliciesForTarget` per account and type), the assignments of every
 * principal the rules name or the product provisioned (`ListAccountAssignmentsForPrincipal`),
 * and the directory view. It stops at `deadlineMs` and checkpoints in the run store; called
 * again, it goes on. When everything is read it cuts the accounts into shards for
 * {@link reconcileShard}. Tags are read by the shards.
 *
 * @example
 * ```ts
 * let outcome = await prepareReconcileRun(deps, { runId, deadlineMs: clock.now() + 480_000 });
 * while (!outcome.done) outcome = await prepareReconcileRun(deps, { runId, deadlineMs: … });
 * ```
 */
export async function prepareReconcileRun(
  deps: PrepareRunDependencies,
  options: PrepareRunOptions,
): Promise<PrepareOutcome> {
  const { runId } = options;
  const progress =
    (await deps.runs.get<PrepareProgress>(runId, RUN_DOCUMENTS.prepare)) ?? (await start(deps));
  const into: Collected = {
    tasks: [...progress.tasks],
    ous: [...progress.organizationalUnits],
    accounts: [...progress.accounts],
    attachments: [...progress.attachments],
    assignments: [...progress.assignments],
    organizationsCalls: progress.calls.organizations,
    identityCenterCalls: progress.calls.identityCenter,
  };
  const relevant = new Set(progress.relevantPermissionSetArns);
  const inFlight = new Set<Promise<void>>();
  const reader = async (): Promise<void> => {
    while (deps.clock.now() < options.deadlineMs) {
      const task = into.tasks.shift();
      if (task === undefined) {
        // Nothing to read now, but a read in flight may find more (an OU's children).
        if (inFlight.size === 0) return;
        await Promise.race(inFlight);
        continue;
      }
      const reading: Promise<void> = read(task, deps, relevant, into).finally(() =>
        inFlight.delete(reading),
      );
      inFlight.add(reading);
      await reading;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, reader));
  const next: PrepareProgress = {
    ...progress,
    tasks: into.tasks,
    organizationalUnits: into.ous,
    accounts: into.accounts,
    attachments: into.attachments,
    assignments: into.assignments,
    calls: { organizations: into.organizationsCalls, identityCenter: into.identityCenterCalls },
  };
  await deps.runs.put(runId, RUN_DOCUMENTS.prepare, next);
  if (next.tasks.length > 0) return { done: false, pendingReads: next.tasks.length };
  return writeShards(deps, runId, next, options.shardSize ?? 1000);
}
