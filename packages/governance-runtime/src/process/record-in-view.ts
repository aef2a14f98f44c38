import type { ChangeEvent } from '@org/event-schemas';
import type { DirectoryViewStore } from '../state/directory-view-store';

/**
 * Adds a new group, user or permission set to the stored directory view, once its name is known,
 * so the functions that plan and justify with the view (the processor, the worker) know it before
 * the next full read replaces the view. Nothing is written for other events, for a nameless one,
 * or when the view already has it.
 *
 * @example
 * ```ts
 * await recordInView(directoryViews, { ...groupCreated, name: 'BreakGlass' });
 * ```
 */
export async function recordInView(
  views: Pick<DirectoryViewStore, 'load' | 'save'> | undefined,
  event: ChangeEvent,
): Promise<boolean> {
  if (views === undefined) return false;
  if (event.type !== 'DirectoryPrincipalCreated' && event.type !== 'PermissionSetCreated')
    return false;
  if (event.name === null) return false;
  const view = await views.load();
  if (view === null) return false;
  if (event.type === 'DirectoryPrincipalCreated') {
    const { principalType: type, principalId: id, name } = event;
    if (view.principals.some((p) => p.type === type && p.id === id)) return false;
    await views.save({ ...view, principals: [...view.principals, { type, name, id }] });
    return true;
  }
  const { permissionSetArn: arn, name } = event;
  if (view.permissionSets.some((p) => p.arn === arn)) return false;
  await views.save({ ...view, permissionSets: [...view.permissionSets, { name, arn }] });
  return true;
}
