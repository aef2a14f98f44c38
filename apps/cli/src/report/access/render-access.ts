import { escapeHtml as h } from '../escape';
import { grantFields } from './access-export';
import {
  groupGrants,
  type AccessGrant,
  type AccessGroup,
  type AccessMatrix,
} from './access-matrix';

/**
 * The access view of the report as one `<section id="access">`: a filter box, then the grants
 * twice — for each principal and permission set the accounts it reaches, and for each account
 * who can reach it — each row with the rule ids behind it. Every row carries a lower-case
 * `data-search` text (principal, permission set, account, rules, state) the page's script
 * filters on. Every name is HTML-escaped.
 *
 * @example
 * ```ts
 * const html = renderAccess(buildAccessMatrix(planner));
 * ```
 */
export function renderAccess(matrix: AccessMatrix): string {
  const n = matrix.grants.length;
  const body =
    n === 0
      ? '<p class="empty">The rules grant no assignment.</p>'
      : `<h3>By principal and permission set</h3>
<div class="groups" id="by-principal">
${groupGrants(matrix, 'principal').map(principalGroup).join('\n')}
</div>
<h3>By account</h3>
<div class="groups" id="by-account">
${groupGrants(matrix, 'account').map(accountGroup).join('\n')}
</div>`;
  return `<section id="access">
<h2>Access</h2>
<p class="meta">Who can reach which account once the reconcile plan is applied: every assignment the rules grant (the desired state), with the rules behind it. Assignments no rule justifies (made by hand, or kept on inactive accounts) are shown per account in the tree.</p>
<div class="toolbar">
<input id="access-filter" type="search" placeholder="Filter access: principal, permission set, account, rule…" aria-label="Filter access" autocomplete="off">
<span id="access-count">${n} ${n === 1 ? 'grant' : 'grants'}</span>
</div>
${body}
</section>`;
}

function principalGroup(group: AccessGroup): string {
  const first = group.grants[0] as AccessGrant;
  const rows = group.grants
    .map((g) => row(g, `<td>${h(g.accountName)} <code>${h(g.accountId)}</code></td>`))
    .join('');
  return `<details class="group" open><summary>${h(first.principalType)} <span class="name">${h(first.principalName)}</span> → ${h(first.permissionSetName)} <span class="n">${plural(group.grants.length, 'account')}</span></summary>
<table><thead><tr><th>Account</th><th>State</th><th>Rules</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

function accountGroup(group: AccessGroup): string {
  const first = group.grants[0] as AccessGrant;
  const rows = group.grants
    .map((g) =>
      row(
        g,
        `<td>${h(g.principalType)} <span class="name">${h(g.principalName)}</span></td><td>${h(g.permissionSetName)}</td>`,
      ),
    )
    .join('');
  return `<details class="group" open><summary><span class="name">${h(first.accountName)}</span> <code>${h(first.accountId)}</code> <span class="n">${plural(group.grants.length, 'grant')}</span></summary>
<table><thead><tr><th>Principal</th><th>Permission set</th><th>State</th><th>Rules</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

function row(g: AccessGrant, cells: string): string {
  // Every grant has at least one rule id, so this is the fields with each rule id a word.
  const search = grantFields(g).join(' ').toLowerCase();
  const rules = g.ruleIds.map((r) => `<code>${h(r)}</code>`).join(' ');
  return `<tr class="grant" data-search="${h(search)}">${cells}<td class="state-${g.state.replace(' ', '-')}">${h(g.state)}</td><td>${rules}</td></tr>`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
