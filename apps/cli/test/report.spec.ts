import { escapeHtml, jsonForScript } from '../src';
import { EVIL, evilGovernance, evilOrg } from './helpers/evil-org';
import { EXAMPLE_INPUTS, run } from './helpers/run';

describe('orgctl report', () => {
  it('writes one self-contained HTML page and says what it wrote', async () => {
    const result = await run(['report', ...EXAMPLE_INPUTS, '--out', 'report.html']);
    const html = result.written.get('report.html') ?? '';
    expect([result.code, result.stdout, result.stderr]).toStrictEqual([
      0,
      'wrote report.html: 7 accounts, 6 grants, 13 pending operations, 9 skipped\n',
      '',
    ]);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(link|img|iframe)\b|src=|https?:\/\/(?!cmdb)/);
    expect((html.match(/<li class="account"/g) ?? []).length).toBe(7);
    expect(html).toContain('<code>baseline-guardrails</code> <code>payments-extra</code>');
    expect(html).toContain('<td class="reason">ScpLimitExceeded</td>');
    expect((html.match(/<tr class="grant"/g) ?? []).length).toBe(12);
  });

  it('escapes every name in the page and in the embedded JSON', async () => {
    const result = await run(
      ['report', '--org', 'evil.yaml', '--config', 'evil-governance.yaml', '--out', 'r.html'],
      { files: { 'evil.yaml': evilOrg(), 'evil-governance.yaml': evilGovernance() } },
    );
    const html = result.written.get('r.html') ?? '';
    expect(result.code).toBe(0);
    expect(html).not.toContain(EVIL);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<script/g)?.length).toBe(2);
    // As text: the user's access group and row, the account's tree entry and access group.
    const named = /<span class="name">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/span>/g;
    expect(html.match(named)?.length).toBe(4);
  });

  it('is a usage error when --out is missing (exit 2)', async () => {
    const result = await run(['report', ...EXAMPLE_INPUTS]);
    expect([result.code, result.stderr]).toStrictEqual([
      2,
      "error: required option '--out <file>' not specified: the HTML report is written to a file (--format csv or json print to stdout)\n",
    ]);
  });
});

describe('escaping', () => {
  it.each([
    ['<a href="x">&\'', '&lt;a href=&quot;x&quot;&gt;&amp;&#39;'],
    ['plain', 'plain'],
  ])('escapeHtml(%j)', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('jsonForScript escapes what could end a script or a line', () => {
    const text = jsonForScript({ name: '</script><!--&\u2028\u2029' });
    expect(text).toBe('{"name":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029"}');
    expect(JSON.parse(text)).toStrictEqual({ name: '</script><!--&\u2028\u2029' });
  });
});
