import { createHash } from 'node:crypto';
import { POLICY_TYPES, policyTypeLabel, type PolicyType, type Skip } from '@org/scope-engine';
import { renderAccess } from './access/render-access';
import { escapeHtml as h, jsonForScript } from './escape';
import { REPORT_CSS, REPORT_SCRIPT } from './report-assets';
import type { AccountView, AssignmentRow, ReportModel, ScpRow, TreeNode } from './report-model';

/** Where the report's inputs came from, shown in its header. */
export interface ReportSources {
  readonly org: string;
  readonly config: string;
}

/**
 * Renders the report as one self-contained HTML page: inline CSS and script (allowed by a
 * Content-Security-Policy hash, nothing else runs), the org tree with every account's effective
 * policies (one table per policy type) and assignments and the rule ids behind them, skipped rules with reasons, a filter box and
 * the plan as JSON; then the access view (who can reach which account, with its own filter box). Every name is HTML-escaped; the embedded JSON is script-safe.
 */
export function renderReport(model: ReportModel, sources: ReportSources): string {
  const scriptHash = createHash('sha256').update(REPORT_SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Org governance report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<h1>Org governance report</h1>
<p class="meta">Organization <code>${h(sources.org)}</code>, rules <code>${h(sources.config)}</code>. States are the reconcile plan: <em>to attach/create/detach/delete</em> are pending operations.</p>
${summary(model)}
<nav class="views"><a href="#tree">Accounts</a> <a href="#access">Access</a></nav>
<section id="tree">
<h2>Accounts</h2>
<div class="toolbar">
<input id="filter" type="search" placeholder="Filter accounts: id, name, tag, OU, policy, rule, reason…" aria-label="Filter accounts" autocomplete="off">
<span id="count"></span>
<a id="download" download="plan.json" href="#">plan.json</a>
</div>
<ul class="tree">
${ouNode(model.root, [])}
</ul>
</section>
${renderAccess(model.access)}
<script type="application/json" id="plan-data">${jsonForScript(model.plan)}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function summary(model: ReportModel): string {
  const counts = new Map<string, number>();
  for (const op of model.plan.operations) counts.set(op.type, (counts.get(op.type) ?? 0) + 1);
  for (const s of model.plan.skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  const items = [`${model.accountCount} accounts`, ...[...counts].map(([k, n]) => `${n} ${k}`)];
  return `<ul class="summary">${items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`;
}

function ouNode(node: TreeNode, path: readonly string[]): string {
  const here = [...path, node.name, node.id];
  const children = node.children.map((child) => ouNode(child, here)).join('\n');
  const accounts = node.accounts.map((a) => accountNode(a, here)).join('\n');
  return `<li class="ou" data-ou="${h(node.id)}"><details open><summary>${h(node.name)} <code>${h(node.id)}</code></summary>
<ul>
${children}
${accounts}
</ul></details></li>`;
}

function accountNode(view: AccountView, path: readonly string[]): string {
  const a = view.account;
  const tags = Object.entries(a.tags).map(([k, v]) => `${k}=${v}`);
  const search = [
    a.id,
    a.name,
    a.status,
    ...tags,
    ...path,
    ...view.scps.flatMap((s) => [s.policyId, s.policyName, ...s.ruleIds]),
    ...view.assignments.flatMap((x) => [x.permissionSet, x.principal, ...x.ruleIds]),
    ...view.skipped.flatMap((s) => [s.ruleId ?? '', s.reason, s.detail]),
  ]
    .join(' ')
    .toLowerCase();
  const badges = [
    a.status === 'ACTIVE' ? '' : `<span class="badge inactive">${h(a.status)}</span>`,
    view.pending === 0 ? '' : `<span class="badge pending">${view.pending} pending</span>`,
    view.skipped.length === 0
      ? ''
      : `<span class="badge skipped">${view.skipped.length} skipped</span>`,
  ].join('');
  const tagLine =
    tags.length === 0
      ? '<span class="empty">no tags</span>'
      : tags.map((t) => `<code>${h(t)}</code>`).join(' ');
  return `<li class="account" data-account-id="${h(a.id)}" data-search="${h(search)}"><details><summary><span class="name">${h(a.name)}</span> <code>${h(a.id)}</code>${badges}</summary>
<div class="body">
<p>Tags: ${tagLine}</p>
${scpTable(view.scps)}
${assignmentTable(view.assignments)}
${skippedTable(view.skipped)}
</div></details></li>`;
}

function rules(ruleIds: readonly string[], managed: boolean): string {
  if (ruleIds.length > 0) return ruleIds.map((r) => `<code>${h(r)}</code>`).join(' ');
  return managed ? '' : '<span class="unmanaged">not managed</span>';
}

/** The account's effective policies, one table per policy type (SCPs first, then in type order). */
function scpTable(rows: readonly ScpRow[]): string {
  if (rows.length === 0) return '<p class="empty">No SCPs.</p>';
  return POLICY_TYPES.flatMap((type) => {
    const ofType = rows.filter((r) => r.policyType === type);
    return ofType.length === 0 ? [] : [policyTypeTable(type, ofType)];
  }).join('\n');
}

function policyTypeTable(type: PolicyType, rows: readonly ScpRow[]): string {
  const body = rows
    .map(
      (r) =>
        `<tr><td>${h(r.policyName)} <code>${h(r.policyId)}</code></td><td class="state-${h(r.state.replace(' ', '-'))}">${h(r.state)}${r.from ? ` from ${h(r.from)}` : ''}</td><td>${r.state === 'inherited' ? '' : rules(r.ruleIds, r.managed)}</td></tr>`,
    )
    .join('');
  const scp = type === 'SERVICE_CONTROL_POLICY';
  const caption = scp ? 'SCPs' : `${policyTypeLabel(type)} policies`;
  return `<table class="${scp ? 'scps' : 'policies'}" data-policy-type="${h(type)}"><caption>${h(caption)}</caption><thead><tr><th>Policy</th><th>State</th><th>Rules</th></tr></thead><tbody>${body}</tbody></table>`;
}

function assignmentTable(rows: readonly AssignmentRow[]): string {
  if (rows.length === 0) return '<p class="empty">No assignments.</p>';
  const body = rows
    .map(
      (r) =>
        `<tr><td>${h(r.permissionSet)}</td><td>${h(r.principal)}</td><td class="state-${h(r.state.replace(' ', '-'))}">${h(r.state)}</td><td>${rules(r.ruleIds, r.managed)}</td></tr>`,
    )
    .join('');
  return `<table class="assignments"><caption>Assignments</caption><thead><tr><th>Permission set</th><th>Principal</th><th>State</th><th>Rules</th></tr></thead><tbody>${body}</tbody></table>`;
}

function skippedTable(skips: readonly Skip[]): string {
  if (skips.length === 0) return '';
  const body = skips
    .map(
      (s) =>
        `<tr><td>${s.ruleId === null ? '' : `<code>${h(s.ruleId)}</code>`}</td><td class="reason">${h(s.reason)}</td><td>${h(s.detail)}</td></tr>`,
    )
    .join('');
  return `<table class="skipped"><caption>Skipped</caption><thead><tr><th>Rule</th><th>Reason</th><th>Detail</th></tr></thead><tbody>${body}</tbody></table>`;
}
