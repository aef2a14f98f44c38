/**
 * Lambda entry point of the operations worker (SQS FIFO event source, partial batch responses).
 * Configuration and clients are created once, at cold start.
 */
import { createOperationsWorkerHandler } from './operations-worker-handler';
import { createWorkerDependencies } from './worker-dependencies';

/** The handler Lambda calls (`index.handler`). */
export const handler = createOperationsWorkerHandler(createWorkerDependencies(process.env));
