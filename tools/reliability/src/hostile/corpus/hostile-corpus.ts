import { planArgs } from '../../support/orgctl-args';
import * as g from './generators';

/** One hostile input run through the real `orgctl` and what must come of it. */
export interface HostileCase {
  /** What it is, as the issue that found it describes it. */
  readonly name: string;
  /** Arguments after `orgctl` (file names relative to the case's folder). */
  readonly args: readonly string[];
  /** Files to create in the case's folder, generated at test time. */
  readonly files: () => Readonly<Record<string, string | Buffer>>;
  /** The exit code: 1 for refused input, 0 where the input is fine (or only warned about). */
  readonly code: 0 | 1;
  /** The first line of stderr (it names what is wrong and where), or `''` for none. */
  readonly firstLine: RegExp | '';
  /** A later stderr line that locates the problem (file line, path), when the first does not. */
  readonly located?: RegExp;
  /** Wall-time bound, in seconds. */
  readonly seconds: number;
  /** Peak-memory bound, in MiB. */
  readonly maxRssMiB: number;
  /** Close our end of stdout after this many bytes, like `| head -c N`. */
  readonly closeStdoutAfter?: number;
}

const plan = (org: string, config = 'governance.yaml') => [...planArgs(org, config), '--reconcile'];
const withExamples = (files: Record<string, string | Buffer>) => () => ({
  'org.yaml': g.exampleOrg(),
  'governance.yaml': g.exampleConfig(),
  ...files,
});
const SECRET = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:hook-AbCdEf';

/**
 * The hostile inputs of issue 16 ("about 80 crafted files"): every crash class and every input
 * that was accepted although wrong, each with the outcome it must have now.
 */
export const HOSTILE_CORPUS: readonly HostileCase[] = [
  {
    name: 'a 938 KB problem flood (validate)',
    args: ['validate', '--config', 'flood.yaml'],
    files: withExamples({ 'flood.yaml': g.problemFlood(938 * 1024) }),
    code: 1,
    firstLine: /^error: flood\.yaml is not a valid governance configuration: 480,250 problems$/,
    located: /^ {2}… and 480,150 more problems$/m,
    seconds: 180,
    maxRssMiB: 1500,
  },
  ...(['plan', 'report'] as const).map((command): HostileCase => ({
    name: `a 154 KB YAML of aliases expanding to 2,000,000 names (${command})`,
    args:
      command === 'plan'
        ? plan('org.yaml', 'aliases.yaml')
        : ['report', '--org', 'org.yaml', '--config', 'aliases.yaml', '--out', 'r.html'],
    files: withExamples({ 'aliases.yaml': g.aliasBomb() }),
    code: 1,
    firstLine: /^error: aliases\.yaml is not a valid governance configuration: 1 problem$/,
    located: /aliases expand to more than 10,000 nodes/,
    seconds: 60,
    maxRssMiB: 400,
  })),
  ...(['plan', 'report'] as const).map((command): HostileCase => ({
    name: `an OU chain 3,000 deep (${command})`,
    args:
      command === 'plan'
        ? plan('deep.yaml')
        : ['report', '--org', 'deep.yaml', '--config', 'governance.yaml', '--out', 'r.html'],
    files: withExamples({ 'deep.yaml': g.ouChain(3000) }),
    code: 1,
    firstLine: /^error: deep\.yaml is not a valid organization snapshot: 1 problem$/,
    located:
      /line 9: organizationalUnits\[5\]\.parentId: OU "ou-ab12-00000005" is nested 6 levels under the root; AWS Organizations allows at most 5/,
    seconds: 60,
    maxRssMiB: 400,
  })),
  {
    name: '150,000 accounts as a plan table (streamed, not one string)',
    args: [...plan('many.json'), '--format', 'table'],
    files: withExamples({ 'many.json': g.manyAccounts(150_000) }),
    code: 0,
    firstLine: '',
    seconds: 240,
    maxRssMiB: 1500,
  },
  {
    name: '150,000 accounts as an HTML report (a clear size limit)',
    args: ['report', '--org', 'many.json', '--config', 'governance.yaml', '--out', 'r.html'],
    files: withExamples({ 'many.json': g.manyAccounts(150_000) }),
    code: 1,
    firstLine:
      /^error: many\.json has 150,000 accounts: an HTML report shows at most 100,000 \(use --format csv or json for the access matrix\)$/,
    seconds: 120,
    maxRssMiB: 1000,
  },
  {
    name: '`orgctl plan … | head`: the reader goes away (EPIPE)',
    args: [...plan('many.json'), '--format', 'json'],
    files: withExamples({ 'many.json': g.manyAccounts(20_000) }),
    code: 0,
    firstLine: '',
    seconds: 120,
    maxRssMiB: 1000,
    closeStdoutAfter: 1000,
  },
  ...[
    { format: 'json', nested: g.nestedJson, line: 1 },
    { format: 'yaml', nested: g.nestedYaml, line: 3 },
  ].map(({ format, nested, line }): HostileCase => ({
    name: `a 4 MB nested ${format.toUpperCase()} snapshot`,
    args: plan(`nested.${format}`),
    files: withExamples({ [`nested.${format}`]: nested(4_000_000) }),
    code: 1,
    firstLine: new RegExp(
      `^error: nested\\.${format} is not a valid organization snapshot: 1 problem$`,
    ),
    located: new RegExp(
      `line ${line}: \\(document\\): the document is nested more than 100 levels deep`,
    ),
    seconds: 30,
    maxRssMiB: 300,
  })),
  {
    name: 'a 4 MB nested event',
    args: ['plan', '--org', 'org.yaml', '--config', 'governance.yaml', '--event', 'event.json'],
    files: withExamples({ 'event.json': g.nestedEvent(600_000) }),
    code: 1,
    firstLine: /^error: event\.json is nested more than 100 levels deep at line 1/,
    seconds: 30,
    maxRssMiB: 300,
  },
  {
    name: 'invalid UTF-8 (not silently replaced)',
    args: ['validate', '--config', 'bad.yaml'],
    files: withExamples({ 'bad.yaml': g.invalidUtf8Config() }),
    code: 1,
    firstLine:
      /^error: bad\.yaml is not valid UTF-8 at line 10, column 20 \(byte 0xFF at offset \d+\)/,
    seconds: 30,
    maxRssMiB: 300,
  },
  ...[
    ['a NUL', 'legacy\u0000tools', /contains the control character U\+0000 at character 7/],
    ['an escape sequence', 'legacy\u001b[2Jtools', /contains the control character U\+001B/],
    ['a 900 KB', 'x'.repeat(900_000), /must be at most 50 characters/],
  ].map(([what, name, located]): HostileCase => ({
    name: `${String(what)} account name`,
    args: plan('org-named.yaml'),
    files: withExamples({ 'org-named.yaml': g.orgWithAccountName(String(name)) }),
    code: 1,
    firstLine: /^error: org-named\.yaml is not a valid organization snapshot: 1 problem$/,
    located: new RegExp(`line \\d+: accounts\\[2\\]\\.name: ${(located as RegExp).source}`),
    seconds: 30,
    maxRssMiB: 400,
  })),
  ...[
    ['zero-width space', 'env\u200b', 'U+200B'],
    ['zero-width joiner', 'e\u200dnv', 'U+200D'],
    ['BOM', '\ufeffenv', 'U+FEFF'],
    ['right-to-left override', 'env\u202e', 'U+202E'],
  ].map(([what, key, code]): HostileCase => ({
    name: `a ${String(what)} in a rule tag key (the rule would be silently dead)`,
    args: ['validate', '--config', 'tag.yaml'],
    files: withExamples({ 'tag.yaml': g.tagRuleConfig(String(key)) }),
    code: 1,
    firstLine: /^error: tag\.yaml is not a valid governance configuration: 1 problem$/,
    located: new RegExp(
      `line 5: assignmentRules\\[0\\]\\.scope\\.key: contains the invisible character ${String(code).replace('+', '\\+')}`,
    ),
    seconds: 30,
    maxRssMiB: 300,
  })),
  ...[
    ['loopback', 'https://127.0.0.1/hook', /is a loopback address \(always refused\)/],
    ['loopback, as a number', 'https://2130706433/hook', /127\.0\.0\.1 is a loopback address/],
    ['IPv6 loopback', 'https://[::1]/hook', /\[::1\] is a loopback address/],
    ['localhost', 'https://localhost:8443/hook', /localhost is a loopback address/],
    ['instance metadata', 'https://169.254.169.254/latest', /169\.254\.169\.254 is a link-local/],
    ['IPv6 metadata', 'https://[fd00:ec2::254]/', /is the instance metadata address/],
    ['a private range', 'https://10.1.2.3/hook', /set allowPrivateNetwork: true to allow it/],
    ['user-info', 'https://u:p@hooks.example.com/', /must not contain user-info/],
  ].map(([what, url, located]): HostileCase => ({
    name: `a webhook URL to ${String(what)}`,
    args: ['validate', '--config', 'hook.yaml'],
    files: withExamples({
      'hook.yaml': g.notificationConfig(
        `{ type: webhook, url: "${String(url)}", secretArn: "${SECRET}" }`,
      ),
    }),
    code: 1,
    firstLine: /^error: hook\.yaml is not a valid governance configuration: 1 problem$/,
    located: new RegExp(
      `line 4: notifications\\[0\\]\\.target\\.url: .*${(located as RegExp).source}`,
    ),
    seconds: 30,
    maxRssMiB: 300,
  })),
  {
    name: 'garbage after a valid secretArn prefix',
    args: ['validate', '--config', 'hook.yaml'],
    files: withExamples({
      'hook.yaml': g.notificationConfig(
        `{ type: webhook, url: "https://hooks.example.com/", secretArn: "${SECRET}/../../x y" }`,
      ),
    }),
    code: 1,
    firstLine: /^error: hook\.yaml is not a valid governance configuration: 1 problem$/,
    located: /line 4: notifications\[0\]\.target\.secretArn: expected a Secrets Manager secret ARN/,
    seconds: 30,
    maxRssMiB: 300,
  },
  {
    name: 'an SNS subject that renders past 100 characters',
    args: ['validate', '--config', 'sns.yaml'],
    files: withExamples({
      'sns.yaml': g.notificationConfig(
        '{ type: sns, topicArn: "arn:aws:sns:us-east-1:111111111111:t", subject: "New account {accountName} in {ouName} ({ouId})" }',
      ),
    }),
    code: 1,
    firstLine: /^error: sns\.yaml is not a valid governance configuration: 1 problem$/,
    located:
      /line 4: notifications\[0\]\.target\.subject: can render up to 265 characters with the longest names AWS allows; sns accepts at most 100/,
    seconds: 30,
    maxRssMiB: 300,
  },
  {
    name: 'a Support case body that renders past 8,000 characters',
    args: ['validate', '--config', 'case.yaml'],
    files: withExamples({
      'case.yaml': g.notificationConfig(
        `{ type: supportCase, subject: "New account {accountId}", body: "${'x'.repeat(7990)} {accountName}", serviceCode: s, categoryCode: c }`,
      ),
    }),
    code: 1,
    firstLine: /^error: case\.yaml is not a valid governance configuration: 1 problem$/,
    located:
      /line 4: notifications\[0\]\.target\.body: can render up to 8,041 characters with the longest names AWS allows; supportCase accepts at most 8,000/,
    seconds: 30,
    maxRssMiB: 300,
  },
];
