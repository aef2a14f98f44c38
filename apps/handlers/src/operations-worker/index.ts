/**
 * Lambda entry point of the operations worker (SQS FIFO event source, partial batch responses).
 * Configuration and clients are created once, at cold start.
 */
import { holdWhilePaused } from '../shared/pause/hold-while-paused';
import { workerPauseGate } from '../shared/pause/pause-gates';
import { createOperationsWorkerHandler } from './operations-worker-handler';
import { createWorkerDependencies } from './worker-dependencies';

const deps = createWorkerDependencies(process.env);

/** The handler Lambda calls (`index.handler`); while paused, messages stay on the queue. */
export const handler = holdWhilePaused(
  createOperationsWorkerHandler(deps),
  workerPauseGate(process.env, deps),
);
