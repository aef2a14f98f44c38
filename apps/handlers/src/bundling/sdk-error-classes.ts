/**
 * The AWS SDK's modeled error classes in the Lambda bundles, made by one factory instead of one
 * class declaration each (`scripts/bundle.mjs` rewrites every client's `models/errors.js` into
 * calls of {@link sdkErrorClasses}; see `compact-sdk-errors.ts`).
 *
 * Every client registers all of its service's errors with the deserializer, so all of them are
 * bundled whether or not the product calls the operations that raise them: about 200 classes
 * and 40 KB of each bundle, almost all of it the same constructor written again. A class made
 * here is the one the SDK declares: the same class name, base class and static `shapeId`, and
 * its instances get the same own properties, in the same order and with the same attributes
 * (`name`, `$fault`, `$retryable`, then the modeled fields copied from the options).
 */

/** The options an SDK error is constructed with (`message`, `$metadata`, modeled fields…). */
export type SdkErrorOptions = Readonly<Record<string, unknown>>;

/** A client's base exception class (`OrganizationsServiceException`, …). */
export type SdkBaseException = new (options: SdkErrorOptions) => Error;

/** Whether the SDK retries an error, as its class declares it (`{ throttling: true }`, `{}`). */
export type SdkRetryable = Readonly<Record<string, boolean>>;

/** Makes one modeled error class of a client (see {@link sdkErrorClasses}). */
export type SdkErrorClassMaker = (
  name: string,
  fault: 'client' | 'server',
  fields?: readonly string[],
  retryable?: SdkRetryable,
) => SdkBaseException;

/** Defines a property as a class field does (writable, enumerable, configurable). */
function defineField(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/**
 * The maker of one client's error classes: each extends `Base`, carries the static `shapeId`
 * `<namespace>#<name>` (none when `namespace` is undefined, as some clients declare none) and
 * constructs like the SDK's declared class.
 *
 * @example
 * ```ts
 * const error = sdkErrorClasses(OrganizationsServiceException, 'com.amazonaws.organizations');
 * const TooManyRequestsException = error('TooManyRequestsException', 'client', ['Message', 'Type'], { throttling: true });
 * ```
 */
export function sdkErrorClasses(
  Base: SdkBaseException,
  namespace: string | undefined,
): SdkErrorClassMaker {
  return (name, fault, fields = [], retryable) => {
    const made = {
      [name]: class extends Base {
        constructor(options: SdkErrorOptions) {
          super({ name, $fault: fault, ...options });
          defineField(this, 'name', name);
          defineField(this, '$fault', fault);
          if (retryable !== undefined) defineField(this, '$retryable', { ...retryable });
          for (const field of fields) defineField(this, field, undefined);
          Object.setPrototypeOf(this, ErrorClass.prototype);
          for (const field of fields) defineField(this, field, options[field]);
        }
      },
    };
    const ErrorClass = made[name] as SdkBaseException;
    if (namespace !== undefined) defineField(ErrorClass, 'shapeId', `${namespace}#${name}`);
    return ErrorClass;
  };
}
