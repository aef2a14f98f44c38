/**
 * Account tags changing: set or changed A→B, and deleted — reported as `TagResource` /
 * `UntagResource` calls or as `aws.tag` changes carrying the full tag map.
 */
import { TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-organizations';
import { TAG_VALUES } from './initial-organization';
import { apiCallEvent, tagChangeOnResourceEvent } from './raw-events';
import type { WorldChange, WorldTools } from './world-tools';

/** How a tag change is reported. */
export type TagEventStyle = 'api' | 'tagChange';

const TAG_KEYS = ['env', 'team', 'owner'] as const;

/** A tag set or changed (A→B). */
export async function tagAccount(tools: WorldTools, style: TagEventStyle): Promise<WorldChange> {
  const account = tools.random.pick(tools.state.members());
  const key = tools.random.pick(TAG_KEYS);
  const choices = (TAG_VALUES[key] ?? []).filter((value) => value !== account.tags[key]);
  const value = tools.random.pick(choices);
  await tools.setup.clients.organizations.send(
    new TagResourceCommand({ ResourceId: account.id, Tags: [{ Key: key, Value: value }] }),
  );
  const tagged = { ...account, tags: { ...account.tags, [key]: value } };
  tools.state.update(tagged);
  const context = tools.context();
  const raw =
    style === 'api'
      ? apiCallEvent(context, 'TagResource', { resourceId: account.id, tags: [{ key, value }] })
      : tagChangeOnResourceEvent(context, account.id, tagged.tags, [key]);
  const from = account.tags[key] ?? '(none)';
  return tools.single({
    id: context.eventId,
    raw,
    label: `tag ${account.name} ${key}: ${from} → ${value}`,
  });
}

/** A tag deleted (an untagged account gets a tag instead). */
export async function untagAccount(tools: WorldTools, style: TagEventStyle): Promise<WorldChange> {
  const tagged = tools.state.members().filter((a) => Object.keys(a.tags).length > 0);
  if (tagged.length === 0) return tagAccount(tools, style);
  const account = tools.random.pick(tagged);
  const key = tools.random.pick(Object.keys(account.tags).sort());
  await tools.setup.clients.organizations.send(
    new UntagResourceCommand({ ResourceId: account.id, TagKeys: [key] }),
  );
  const tags = Object.fromEntries(Object.entries(account.tags).filter(([k]) => k !== key));
  tools.state.update({ ...account, tags });
  const context = tools.context();
  const raw =
    style === 'api'
      ? apiCallEvent(context, 'UntagResource', { resourceId: account.id, tagKeys: [key] })
      : tagChangeOnResourceEvent(context, account.id, tags, [key]);
  return tools.single({ id: context.eventId, raw, label: `untag ${account.name} ${key}` });
}
