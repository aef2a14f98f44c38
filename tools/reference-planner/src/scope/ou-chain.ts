/**
 * The chain of OUs above an account, found by walking parent links one at a time.
 */
import type { RefSnapshot } from '../model/snapshot';

/**
 * The OU ids from `parentId` up to (not including) the root: the account's own OU first. A
 * parent that is not an OU of the snapshot ends the walk, and so does a loop.
 *
 * @example
 * ```ts
 * ouChain(snapshot, 'ou-prod'); // ['ou-prod', 'ou-workloads']
 * ```
 */
export function ouChain(snapshot: RefSnapshot, parentId: string): string[] {
  const chain: string[] = [];
  let current: string | undefined = parentId;
  while (current !== undefined && current !== snapshot.rootId && !chain.includes(current)) {
    const id: string = current;
    const ou = snapshot.organizationalUnits.find((candidate) => candidate.id === id);
    if (ou === undefined) break;
    chain.push(id);
    current = ou.parentId;
  }
  return chain;
}
