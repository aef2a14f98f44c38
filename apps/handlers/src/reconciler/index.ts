/**
 * Lambda entry point of the reconciler (EventBridge schedule, or invoked on demand with
 * `{ "dryRun": true, "accountIds": [...] }`). Configuration and clients are created once, at
 * cold start.
 */
import { createReconcilerDependencies } from './reconciler-dependencies';
import { createReconcilerHandler } from './reconciler-handler';

/** The handler Lambda calls (`index.handler`). */
export const handler = createReconcilerHandler(createReconcilerDependencies(process.env));
