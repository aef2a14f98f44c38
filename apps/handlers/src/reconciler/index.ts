/**
 * Lambda entry point of the reconciler: the steps of a sharded run and its failure report (the
 * construct's state machine: `{ "step": "prepare" | "shard" | "finish" | "reportFailure", … }`),
 * and runs of some accounts — the state machine's (`{ "step": "accounts", … }`) and direct
 * invocations (`{ "dryRun": true, "accountIds": [...] }` reads only those accounts; a direct
 * whole-organization request is refused). Configuration and
 * clients are created once, at cold start.
 */
import type { Context } from 'aws-lambda';
import { isReconcileStep } from './reconcile-step';
import { createReconcileStepDependencies } from './reconcile-step-dependencies';
import { createReconcileStepHandler } from './reconcile-step-handler';
import { createReconcilerDependencies } from './reconciler-dependencies';
import { createReconcilerHandler } from './reconciler-handler';

// One invocation is bounded to 10 minutes: the whole organization goes through the state machine.
const direct = createReconcilerHandler(createReconcilerDependencies(process.env), {
  refuseWholeOrganization: true,
});
const steps = createReconcileStepHandler(createReconcileStepDependencies(process.env));

/** The handler Lambda calls (`index.handler`). */
export const handler = (event: unknown, context: Context): Promise<unknown> =>
  isReconcileStep(event) ? steps(event, context) : direct(event, context);
