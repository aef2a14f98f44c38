/** Patterns of AWS identifiers checked at synth time. */

/** A 12-digit AWS account id. */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

/** An AWS Organizations organization id (`o-` + 10 to 32 lowercase letters or digits). */
export const ORGANIZATION_ID_PATTERN = /^o-[a-z0-9]{10,32}$/;

/** An AWS region name such as `us-east-1` or `eu-central-2`. */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/** An IAM role ARN. */
export const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** An IAM Identity Center instance ARN. */
export const SSO_INSTANCE_ARN_PATTERN =
  /^arn:aws[a-z-]*:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/;

/** An Identity Store id (`d-` + 10 hex digits, or a UUID). */
export const IDENTITY_STORE_ID_PATTERN =
  /^(d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** A Secrets Manager secret ARN. */
export const SECRET_ARN_PATTERN =
  /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$/;

/** An SNS topic ARN. */
export const TOPIC_ARN_PATTERN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]{1,256}(\.fifo)?$/;

/** An EventBridge event bus ARN. */
export const EVENT_BUS_ARN_PATTERN =
  /^arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:event-bus\/[\w.\-/]{1,256}$/;

/** An EventBridge event bus name. */
export const EVENT_BUS_NAME_PATTERN = /^[\w.\-/]{1,256}$/;

/** An e-mail address (pragmatic check; SNS confirms the address anyway). */
export const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** An https URL. */
export const HTTPS_URL_PATTERN = /^https:\/\/[^\s]+$/;
