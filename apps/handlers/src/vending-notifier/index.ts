/**
 * Lambda entry point of the vending notifier (Control Tower events, and Organizations events a
 * notification listens to; asynchronous invocation with a failure destination). Configuration
 * and clients are created once, at cold start.
 */
import { createNotifierDependencies } from './notifier-dependencies';
import { createVendingNotifierHandler } from './vending-notifier-handler';

/** The handler Lambda calls (`index.handler`). */
export const handler = createVendingNotifierHandler(createNotifierDependencies(process.env));
