/**
 * Validates deploy settings and reports every problem at once, with its path.
 */
import { InputFileError, type InputProblem } from '../errors';
import type { DeploySettings } from './deploy-settings';

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const ORGANIZATION = /^o-[a-z0-9]{10,32}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const HTTPS = /^https:\/\/\S+$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/\S+$/;
const STACK_PREFIX = /^[A-Za-z][A-Za-z0-9-]{0,80}$/;

const KNOWN_KEYS = [
  'account',
  'region',
  'managementAccountId',
  'organizationId',
  'controlTowerHomeRegion',
  'identityCenterHomeRegion',
  'forwarderRegions',
  'failureNotificationEmails',
  'failureNotificationUrls',
  'operatorRoleArns',
  'identityCenterRoleArn',
  'ssoInstanceArn',
  'identityStoreId',
  'organizationTrail',
  'stackNamePrefix',
];

/** Reads fields of an untyped object, recording each problem. */
class FieldReader {
  /** Every problem found so far. */
  readonly problems: InputProblem[] = [];

  constructor(private readonly input: Readonly<Record<string, unknown>>) {}

  /** A string matching `pattern`, or `undefined` (problem recorded when invalid or missing but required). */
  string(key: string, pattern: RegExp, expected: string, required: boolean): string | undefined {
    const value = this.input[key];
    if (value === undefined) {
      if (required) this.problems.push({ path: key, message: `is required (${expected})` });
      return undefined;
    }
    if (typeof value !== 'string' || !pattern.test(value)) {
      this.problems.push({
        path: key,
        message: `expected ${expected}, got ${JSON.stringify(value)}`,
      });
      return undefined;
    }
    return value;
  }

  /** A list of strings matching `pattern` (each bad item recorded with its index). */
  list(key: string, pattern: RegExp, expected: string): string[] | undefined {
    const value = this.input[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.problems.push({ path: key, message: `expected a list of ${expected}` });
      return undefined;
    }
    value.forEach((item, index) => {
      if (typeof item !== 'string' || !pattern.test(item)) {
        this.problems.push({
          path: `${key}[${index}]`,
          message: `expected ${expected}, got ${JSON.stringify(item)}`,
        });
      }
    });
    return value.filter((item): item is string => typeof item === 'string');
  }

  /** A boolean, or `undefined` when absent (problem recorded when not a boolean). */
  boolean(key: string): boolean | undefined {
    const value = this.input[key];
    if (value === undefined || typeof value === 'boolean') return value;
    this.problems.push({
      path: key,
      message: `expected true or false, got ${JSON.stringify(value)}`,
    });
    return undefined;
  }
}

/**
 * Validates parsed deploy settings (e.g. `JSON.parse` of deploy.json).
 *
 * @throws {InputFileError} listing every problem with its path.
 * @example
 * ```ts
 * const settings = parseDeploySettings(JSON.parse(readFileSync('deploy.json', 'utf8')), 'deploy.json');
 * ```
 */
export function parseDeploySettings(input: unknown, file: string): DeploySettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputFileError(file, 'is not valid deploy settings', [
      { path: '', message: 'expected a JSON object' },
    ]);
  }
  const record = input as Readonly<Record<string, unknown>>;
  const read = new FieldReader(record);
  const unknown = Object.keys(record)
    .filter((key) => !KNOWN_KEYS.includes(key))
    .map((key) => ({ path: key, message: `unknown setting (known: ${KNOWN_KEYS.join(', ')})` }));
  const settings = {
    account: read.string('account', ACCOUNT, 'a 12-digit account id', true),
    region: read.string('region', REGION, 'a region such as us-east-1', true),
    managementAccountId: read.string('managementAccountId', ACCOUNT, 'a 12-digit account id', true),
    organizationId: read.string(
      'organizationId',
      ORGANIZATION,
      "an organization id such as 'o-exampleorg1'",
      false,
    ),
    controlTowerHomeRegion: read.string(
      'controlTowerHomeRegion',
      REGION,
      'a region such as eu-west-1',
      false,
    ),
    identityCenterHomeRegion: read.string(
      'identityCenterHomeRegion',
      REGION,
      'a region such as eu-west-1',
      false,
    ),
    forwarderRegions: read.list('forwarderRegions', REGION, 'a region'),
    failureNotificationEmails:
      read.list('failureNotificationEmails', EMAIL, 'an e-mail address') ?? [],
    failureNotificationUrls: read.list('failureNotificationUrls', HTTPS, 'an https URL') ?? [],
    operatorRoleArns: read.list('operatorRoleArns', ROLE_ARN, 'an IAM role ARN'),
    identityCenterRoleArn: read.string('identityCenterRoleArn', ROLE_ARN, 'an IAM role ARN', false),
    ssoInstanceArn: read.string(
      'ssoInstanceArn',
      /^arn:aws[a-z-]*:sso:::instance\/\S+$/,
      'an Identity Center instance ARN',
      false,
    ),
    identityStoreId: read.string(
      'identityStoreId',
      /^d-[0-9a-f]{10}$|^[0-9a-f-]{36}$/,
      "an Identity Store id such as 'd-1234567890'",
      false,
    ),
    organizationTrail: read.boolean('organizationTrail') ?? false,
    stackNamePrefix:
      read.string(
        'stackNamePrefix',
        STACK_PREFIX,
        'letters, digits and dashes, starting with a letter',
        false,
      ) ?? 'OrgGovernance',
  };
  const crossChecks: InputProblem[] = [];
  if (
    settings.account !== undefined &&
    settings.managementAccountId !== undefined &&
    settings.account !== settings.managementAccountId &&
    record['organizationId'] === undefined
  ) {
    crossChecks.push({
      path: 'organizationId',
      message:
        'is required when the central stack is not in the management account (the central bus admits the organization)',
    });
  }
  if (settings.organizationTrail && record['organizationId'] === undefined) {
    crossChecks.push({ path: 'organizationId', message: 'is required with organizationTrail' });
  }
  const problems = [...unknown, ...read.problems, ...crossChecks];
  if (
    problems.length > 0 ||
    settings.account === undefined ||
    settings.region === undefined ||
    settings.managementAccountId === undefined
  ) {
    throw new InputFileError(file, 'is not valid deploy settings', problems);
  }
  return {
    ...settings,
    account: settings.account,
    region: settings.region,
    managementAccountId: settings.managementAccountId,
  };
}
