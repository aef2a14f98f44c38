/**
 * Lambda entry point of the org events processor (EventBridge rules on Organizations events,
 * asynchronous invocation with a failure destination). Configuration and clients are created
 * once, at cold start.
 */
import { pausableProcessor } from '../shared/pause/pause-gates';
import { createOrgEventsProcessorHandler } from './org-events-processor-handler';
import { createProcessorDependencies } from './processor-dependencies';

/** The handler Lambda calls (`index.handler`); while paused, nothing is enqueued. */
export const handler = createOrgEventsProcessorHandler(
  pausableProcessor(createProcessorDependencies(process.env), process.env),
);
