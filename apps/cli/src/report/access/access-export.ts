import type { AccessGrant, AccessMatrix } from './access-matrix';

/** The columns of {@link accessCsv}, in order. */
export const ACCESS_CSV_COLUMNS = [
  'principal_type',
  'principal_name',
  'principal_id',
  'permission_set_name',
  'permission_set_arn',
  'account_id',
  'account_name',
  'rule_ids',
  'state',
] as const;

/**
 * The access matrix as CSV (RFC 4180: comma-separated, CRLF line ends, fields holding a comma,
 * quote or line break quoted with inner quotes doubled): a header line, then one line per grant in
 * matrix order. `rule_ids` are space-separated. A field that a spreadsheet would read as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or carriage return) is prefixed with `'`.
 *
 * @example
 * ```ts
 * accessCsv({ grants: [] }); // 'principal_type,principal_name,…,state\r\n'
 * ```
 */
export function accessCsv(matrix: AccessMatrix): string {
  const lines = [ACCESS_CSV_COLUMNS.join(',')];
  for (const g of matrix.grants) lines.push(grantFields(g).map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A grant's fields in {@link ACCESS_CSV_COLUMNS} order, as text (rule ids space-separated): the
 * CSV line's fields before escaping, and the words the HTML page searches.
 *
 * @example
 * ```ts
 * grantFields(grant).length === ACCESS_CSV_COLUMNS.length; // true
 * ```
 */
export function grantFields(g: AccessGrant): string[] {
  return [
    g.principalType,
    g.principalName,
    g.principalId,
    g.permissionSetName,
    g.permissionSetArn,
    g.accountId,
    g.accountName,
    g.ruleIds.join(' '),
    g.state,
  ];
}

/**
 * The access matrix as JSON: `{ "grants": [...] }`, each grant with the fields of
 * {@link AccessGrant} in matrix order, indented by two spaces, ending with a newline.
 *
 * @example
 * ```ts
 * JSON.parse(accessJson(matrix)).grants.length === matrix.grants.length; // true
 * ```
 */
export function accessJson(matrix: AccessMatrix): string {
  const grants = matrix.grants.map((g): AccessGrant => ({
    principalType: g.principalType,
    principalId: g.principalId,
    principalName: g.principalName,
    permissionSetArn: g.permissionSetArn,
    permissionSetName: g.permissionSetName,
    accountId: g.accountId,
    accountName: g.accountName,
    ruleIds: g.ruleIds,
    state: g.state,
  }));
  return `${JSON.stringify({ grants }, null, 2)}\n`;
}

/**
 * One CSV field: quoted when it holds a comma, quote, CR or LF; prefixed with `'` when a
 * spreadsheet would evaluate it as a formula.
 *
 * @example
 * ```ts
 * csvField('a,"b"'); // '"a,""b"""'
 * csvField('=1+1');  // "'=1+1"
 * ```
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
