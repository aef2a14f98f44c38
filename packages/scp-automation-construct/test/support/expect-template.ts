/**
 * Jest assertions on a synthesized template. CDK's `Template` assertions throw on a mismatch
 * but are not Jest assertions, so a test made only of them records none (and the shared
 * assertion-count reporter fails it); these wrap each one in an `expect`.
 */
import type { Template } from 'aws-cdk-lib/assertions';

/** Assertions on one template, named after the CDK assertion each one wraps. */
export interface TemplateExpectations {
  /** `template.hasResource(type, props)`: some resource of `type` matches `props` (whole resource). */
  toHaveResource(type: string, props: unknown): void;
  /** `template.hasResourceProperties(type, props)`: some resource's `Properties` match `props`. */
  toHaveResourceProperties(type: string, props: unknown): void;
  /** `template.resourceCountIs(type, count)`: exactly `count` resources of `type`. */
  toHaveResourceCount(type: string, count: number): void;
}

/**
 * Assertions on `template` that count as Jest assertions.
 *
 * @example
 * ```ts
 * expectTemplate(synth.template).toHaveResourceProperties('AWS::SQS::Queue', {
 *   SqsManagedSseEnabled: true,
 * });
 * ```
 */
export function expectTemplate(template: Template): TemplateExpectations {
  return {
    toHaveResource: (type, props) => {
      expect(() => template.hasResource(type, props)).not.toThrow();
    },
    toHaveResourceProperties: (type, props) => {
      expect(() => template.hasResourceProperties(type, props)).not.toThrow();
    },
    toHaveResourceCount: (type, count) => {
      expect(Object.keys(template.findResources(type))).toHaveLength(count);
    },
  };
}
