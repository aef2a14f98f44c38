/**
 * The same generated world in the engine's types, so the engine's `Planner` and the reference
 * planner read identical inputs.
 */
import type { DomainEvent } from '@org/event-schemas';
import type {
  AccountStatus,
  GovernanceConfig,
  Notification,
  OrgSnapshot,
  PrincipalType,
} from '@org/scope-engine';
import type { RefConfig, RefEvent, RefPrincipalRef, RefSnapshot } from '../../src';

const status = (s: string): AccountStatus =>
  s === 'SUSPENDED' || s === 'PENDING_CLOSURE' ? s : 'ACTIVE';
const principalType = (t: string): PrincipalType => (t === 'USER' ? 'USER' : 'GROUP');

/** The snapshot as the engine's `OrgSnapshot`. */
export function engineSnapshot(snapshot: RefSnapshot): OrgSnapshot {
  return {
    ...snapshot,
    accounts: snapshot.accounts.map((a) => ({ ...a, status: status(a.status) })),
    principals: snapshot.principals.map((p) => ({ ...p, type: principalType(p.type) })),
    assignments: snapshot.assignments.map((a) => ({
      ...a,
      principalType: principalType(a.principalType),
    })),
  };
}

function principalRef(ref: RefPrincipalRef) {
  const type = principalType(ref.type);
  return 'id' in ref ? { type, id: ref.id } : { type, name: ref.name };
}

function notification(n: RefConfig['notifications'][number]): Notification {
  const on = n.on.filter(
    (e): e is Notification['on'][number] =>
      e === 'ManagedAccountVended' ||
      e === 'AccountCreated' ||
      e === 'AccountJoined' ||
      e === 'CreateAccountFailed',
  );
  const text = {
    ...(n.target.subject === undefined ? {} : { subject: n.target.subject }),
    ...(n.target.body === undefined ? {} : { body: n.target.body }),
  };
  if (n.target.type === 'supportCase') {
    return {
      id: n.id,
      on,
      target: {
        type: 'supportCase',
        subject: n.target.subject ?? '',
        body: n.target.body ?? '',
        serviceCode: 'svc',
        categoryCode: 'cat',
        severityCode: 'low',
      },
    };
  }
  if (n.target.type === 'sns') {
    return { id: n.id, on, target: { type: 'sns', topicArn: 'arn:sns:topic', ...text } };
  }
  return {
    id: n.id,
    on,
    target: {
      type: 'webhook',
      url: 'https://hooks.example.com/x',
      secretArn: 'arn:secret',
      ...text,
    },
  };
}

/** The configuration as the engine's `GovernanceConfig`. */
export function engineConfig(config: RefConfig): GovernanceConfig {
  return {
    settings: { ...config.settings },
    scpRules: config.scpRules,
    ...(config.policyRules === undefined ? {} : { policyRules: config.policyRules }),
    assignmentRules: config.assignmentRules.map((r) => ({
      ...r,
      principal: principalRef(r.principal),
    })),
    notifications: config.notifications.map(notification),
  };
}

const EVENT_META = {
  eventId: 'e-1',
  source: 'aws.organizations',
  detailType: 'AWS API Call via CloudTrail',
  time: '2026-11-01T00:00:00Z',
  region: 'us-east-1',
};

/** The event as the engine's `DomainEvent` (the same fields, a full `meta`). */
export function engineEvent(event: RefEvent): DomainEvent {
  const meta = { ...EVENT_META, eventName: event.meta.eventName };
  switch (event.type) {
    case 'CreateAccountFailed':
      return { ...event, failureReason: null, meta };
    case 'AccountMoved':
      return { ...event, sourceParentId: 'r-root', meta };
    case 'AccountTagsChanged': {
      const c = event.change;
      const change = c.kind === 'replace' ? { ...c, changedKeys: Object.keys(c.tags) } : c;
      return { ...event, change, meta };
    }
    case 'ManagedAccountVended': {
      const state =
        event.state === 'FAILED' || event.state === 'IN_PROGRESS' ? event.state : 'SUCCEEDED';
      const lifecycle = event.operation === 'CreateManagedAccount' ? 'created' : 'updated';
      return { ...event, lifecycle, state, message: null, meta };
    }
    default:
      return { ...event, meta };
  }
}
