/** Moved to `src/in-process` (`@org/governance-runtime/in-process`); kept here for the tests that import it by path. */
export { InMemoryOperationQueue } from '../in-process/in-memory-operation-queue';
