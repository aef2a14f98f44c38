/**
 * Reads CloudFormation values of a synthesized template the way a reviewer would: references
 * become `<LogicalId>`, the partition becomes `aws`.
 */

/** A resource of a synthesized template. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
}

/** The resources of a synthesized template, by logical id. */
export type CfnResources = Readonly<Record<string, CfnResource>>;

/**
 * A value as text: strings as they are, `Fn::Join` joined, `Ref: AWS::Partition` → `aws`,
 * other references → `<LogicalId>` / `<LogicalId.Attribute>`.
 *
 * @example
 * ```ts
 * cfnText({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/ReadOnlyAccess']] });
 * // 'arn:aws:iam::aws:policy/ReadOnlyAccess'
 * ```
 */
export function cfnText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const intrinsic = value as Record<string, unknown>;
    const join = intrinsic['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      return (join[1] as unknown[]).map(cfnText).join(join[0]);
    }
    if (intrinsic['Ref'] === 'AWS::Partition') return 'aws';
    if (typeof intrinsic['Ref'] === 'string') return `<${intrinsic['Ref']}>`;
    const getAtt = intrinsic['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return `<${getAtt.map(cfnText).join('.')}>`;
  }
  return JSON.stringify(value);
}

/**
 * The logical id a value references (`Ref` or `Fn::GetAtt … Arn`), or `undefined`.
 *
 * @example
 * ```ts
 * referencedLogicalId({ 'Fn::GetAtt': ['WorkerRole1234', 'Arn'] }); // 'WorkerRole1234'
 * ```
 */
export function referencedLogicalId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const intrinsic = value as Record<string, unknown>;
  if (typeof intrinsic['Ref'] === 'string') return intrinsic['Ref'];
  const getAtt = intrinsic['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && getAtt[1] === 'Arn') {
    return getAtt[0];
  }
  return undefined;
}

/**
 * A single value or a list as a list.
 *
 * @example
 * ```ts
 * asList('sqs:SendMessage'); // ['sqs:SendMessage']
 * ```
 */
export function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? [...value] : [value];
}
