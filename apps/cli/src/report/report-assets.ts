/** Inline stylesheet of the report (no network assets). */
export const REPORT_CSS = `
:root { color-scheme: light dark; --muted: #6b7280; --line: #d1d5db; --add: #15803d; --remove: #b91c1c; --warn: #b45309; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1200px; padding: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.summary li { border: 1px solid var(--line); border-radius: 6px; padding: .25rem .6rem; }
.toolbar { display: flex; gap: 1rem; align-items: center; position: sticky; top: 0; padding: .5rem 0; background: Canvas; }
#filter, #access-filter { flex: 1; font: inherit; padding: .45rem .6rem; border: 1px solid var(--line); border-radius: 6px; }
#count, #access-count { color: var(--muted); white-space: nowrap; }
ul.tree, ul.tree ul { list-style: none; margin: 0; padding-left: 1.1rem; }
ul.tree { padding-left: 0; }
li.ou > details > summary { font-weight: 600; }
li.account > details > summary { cursor: pointer; }
summary code, td code { font-size: .9em; }
.badge { display: inline-block; border-radius: 4px; padding: 0 .35rem; margin-left: .3rem; font-size: .8em; border: 1px solid var(--line); }
.badge.inactive { color: var(--warn); border-color: var(--warn); }
.badge.pending { color: var(--add); border-color: var(--add); }
.badge.skipped { color: var(--warn); border-color: var(--warn); }
.body { margin: .4rem 0 .8rem 1rem; }
table { border-collapse: collapse; margin: .4rem 0; min-width: 50%; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .2rem .6rem .2rem 0; vertical-align: top; }
th { color: var(--muted); font-weight: 500; }
.state-to-attach, .state-to-create { color: var(--add); }
.state-to-detach, .state-to-delete { color: var(--remove); }
.state-inherited, .unmanaged { color: var(--muted); }
.reason { color: var(--warn); }
.empty { color: var(--muted); font-style: italic; }
nav.views { display: flex; gap: 1rem; margin: 0 0 .5rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .25rem; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
details.group { margin: .15rem 0; }
details.group > summary { cursor: pointer; }
details.group > table { margin-left: 1rem; width: calc(100% - 1rem); table-layout: fixed; }
details.group th:nth-last-child(2) { width: 7rem; }
.n { color: var(--muted); margin-left: .3rem; font-size: .9em; }
[hidden] { display: none !important; }
`;

/**
 * Inline script of the report: the tree's filter box, the access view's filter box (rows whose
 * text holds the query; groups left empty are hidden) and the plan download. Plain ES2017, no
 * modules.
 */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  var input = document.getElementById('filter');
  var count = document.getElementById('count');
  var accounts = Array.prototype.slice.call(document.querySelectorAll('li.account'));
  var ous = Array.prototype.slice.call(document.querySelectorAll('li.ou')).reverse();
  function apply() {
    var query = input.value.trim().toLowerCase();
    var shown = 0;
    accounts.forEach(function (li) {
      var hit = query === '' || li.getAttribute('data-search').indexOf(query) !== -1;
      li.hidden = !hit;
      if (hit) shown += 1;
    });
    ous.forEach(function (li) {
      var visible = li.querySelector('li.account:not([hidden])') !== null;
      li.hidden = query !== '' && !visible;
      if (query !== '' && visible) li.querySelector('details').open = true;
    });
    count.textContent = shown + ' of ' + accounts.length + ' accounts';
  }
  input.addEventListener('input', apply);
  apply();
  var accessInput = document.getElementById('access-filter');
  var accessCount = document.getElementById('access-count');
  var grants = Array.prototype.slice.call(document.querySelectorAll('#access tr.grant'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('#access details.group'));
  var cells = document.querySelectorAll('#by-principal tr.grant').length;
  function applyAccess() {
    var query = accessInput.value.trim().toLowerCase();
    grants.forEach(function (tr) {
      tr.hidden = query !== '' && tr.getAttribute('data-search').indexOf(query) === -1;
    });
    groups.forEach(function (group) {
      group.hidden = group.querySelector('tr.grant:not([hidden])') === null;
    });
    var shown = document.querySelectorAll('#by-principal tr.grant:not([hidden])').length;
    accessCount.textContent = shown + ' of ' + cells + ' grants';
  }
  accessInput.addEventListener('input', applyAccess);
  applyAccess();
  var download = document.getElementById('download');
  download.addEventListener('click', function () {
    var text = document.getElementById('plan-data').textContent;
    download.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  });
})();
`;
