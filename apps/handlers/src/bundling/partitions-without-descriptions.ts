/**
 * Rewrites `@aws-sdk/core`'s endpoint partitions table for the Lambda bundles
 * (`scripts/bundle.mjs`): every region keeps its name and loses its `description` ("Africa (Cape
 * Town)", …), about 2 KB of every bundle.
 *
 * Endpoint rules read a partition's `name`, `dnsSuffix`, `dualStackDnsSuffix`, `supportsFIPS`,
 * `supportsDualStack` and `implicitGlobalRegion`; the region's description is merged into the
 * `aws.partition` result but no rule reads it. The rewrite reads the module strictly and fails the
 * bundle when a region carries anything but a description (a new SDK version adding region data).
 */

/** Thrown when the partitions module has a shape the rewrite does not know. */
export class UnexpectedPartitionsModuleError extends Error {
  readonly code = 'UNEXPECTED_PARTITIONS_MODULE';

  constructor(detail: string) {
    super(`cannot trim the SDK partitions module: ${detail}`);
    this.name = 'UnexpectedPartitionsModuleError';
  }
}

const DECLARATION = /^export const partitionsInfo = (?<table>\{[\s\S]*\});\s*$/;

/** One partition of the table, as read. */
interface Partition {
  readonly id: string;
  readonly regions: Record<string, Record<string, unknown>>;
}

/** The table's partitions, checked to be an array of `{ id, regions }`. */
function partitionsOf(table: unknown): Partition[] {
  const partitions = (table as { partitions?: unknown }).partitions;
  if (!Array.isArray(partitions)) throw new UnexpectedPartitionsModuleError('no partitions array');
  for (const partition of partitions as Partial<Partition>[]) {
    if (typeof partition.id !== 'string' || typeof partition.regions !== 'object') {
      throw new UnexpectedPartitionsModuleError('a partition without id or regions');
    }
  }
  return partitions as Partition[];
}

/**
 * The module without the regions' descriptions.
 *
 * @throws {UnexpectedPartitionsModuleError} when the module is not one `partitionsInfo` JSON
 *   object or a region holds more than a description.
 * @example
 * ```ts
 * partitionsWithoutDescriptions(source); // 'export const partitionsInfo = {"partitions":[…'
 * ```
 */
export function partitionsWithoutDescriptions(source: string): string {
  const table = DECLARATION.exec(source)?.groups?.['table'];
  if (table === undefined) throw new UnexpectedPartitionsModuleError('no partitionsInfo export');
  let parsed: unknown;
  try {
    parsed = JSON.parse(table);
  } catch {
    throw new UnexpectedPartitionsModuleError('partitionsInfo is not a JSON object');
  }
  for (const { id, regions } of partitionsOf(parsed)) {
    for (const [region, data] of Object.entries(regions)) {
      const extra = Object.keys(data).filter((key) => key !== 'description');
      if (extra.length > 0) {
        throw new UnexpectedPartitionsModuleError(`${id} region ${region} has ${extra.join(', ')}`);
      }
      regions[region] = {};
    }
  }
  return `export const partitionsInfo = ${JSON.stringify(parsed)};\n`;
}
