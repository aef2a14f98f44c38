/**
 * Lambda entry point of the reconciler: the steps of a sharded run (the construct's state
 * machine: `{ "step": "prepare" | "shard" | "finish", … }`), and direct invocations
 * (`{ "dryRun": true, "accountIds": [...] }` reads only those accounts). Configuration and
 * clients are created once, at cold start.
 */
import type { Context } from 'aws-lambda';
import { isReconcileStep } from './reconcile-step';
import { createReconcileStepDependencies } from './reconcile-step-dependencies';
import { createReconcileStepHandler } from './reconcile-step-handler';
import { createReconcilerDependencies } from './reconciler-dependencies';
import { createReconcilerHandler } from './reconciler-handler';

const direct = createReconcilerHandler(createReconcilerDependencies(process.env));
const steps = createReconcileStepHandler(createReconcileStepDependencies(process.env));

/** The handler Lambda calls (`index.handler`). */
export const handler = (event: unknown, context: Context): Promise<unknown> =>
  isReconcileStep(event) ? steps(event, context) : direct(event, context);
