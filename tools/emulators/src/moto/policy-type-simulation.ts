/**
 * A SIMULATION, at the test edge, of the Organizations policy types moto lacks: moto cannot
 * create a backup policy, and refuses to enable chatbot, declarative (EC2) and Security Hub
 * policies. Installed on an `OrganizationsClient` pointed at moto, it answers the calls about those
 * types itself — as AWS documents them — and forwards every other call to moto unchanged.
 */
import {
  ConstraintViolationException,
  DuplicatePolicyAttachmentException,
  DuplicatePolicyException,
  type OrganizationsClient,
  PolicyNotAttachedException,
  PolicyTypeAlreadyEnabledException,
  PolicyTypeNotEnabledException,
  type PolicyType as SdkPolicyType,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-organizations';
import type { InitializeMiddleware } from '@smithy/types';

/** The types the simulation serves, with AWS's published slots per target (root, OU, account). */
export const SIMULATED_POLICY_TYPES = {
  BACKUP_POLICY: 10,
  CHATBOT_POLICY: 5,
  DECLARATIVE_POLICY_EC2: 10,
  SECURITYHUB_POLICY: 10,
} as const;

/** A policy type the simulation serves instead of moto. */
export type SimulatedPolicyType = keyof typeof SIMULATED_POLICY_TYPES;

const isSimulated = (type: unknown): type is SimulatedPolicyType =>
  typeof type === 'string' && type in SIMULATED_POLICY_TYPES;

interface SimulatedPolicy {
  readonly id: string;
  readonly name: string;
  readonly type: SimulatedPolicyType;
  readonly content: string;
}

/** What the simulation holds: enabled types, policies, attachments (policy id → target ids). */
export interface PolicyTypeSimulation {
  /** Calls the simulation answered itself, by API name (every other call went to moto). */
  readonly served: Record<string, number>;
}

type Input = Record<string, unknown>;
const META = { $metadata: { httpStatusCode: 200 } };
/** An error's fields as AWS sends them: a client fault, HTTP 400. */
const fail = (message: string) => ({ message, $metadata: { httpStatusCode: 400 } });

/** The simulation's state and its answer to one call, or `undefined` to forward it to moto. */
class SimulatedTypes {
  readonly served: Record<string, number> = {};
  private readonly enabled = new Set<SimulatedPolicyType>();
  private readonly policies = new Map<string, SimulatedPolicy>();
  private readonly targets = new Map<string, Set<string>>();
  private created = 0;

  answer(command: string, input: Input): object | undefined {
    const found = this.route(command, input);
    if (found !== undefined) this.served[command] = (this.served[command] ?? 0) + 1;
    return found;
  }

  private route(command: string, input: Input): object | undefined {
    const policy = this.policies.get(String(input['PolicyId']));
    switch (command) {
      case 'EnablePolicyType':
        return isSimulated(input['PolicyType']) ? this.enable(input['PolicyType']) : undefined;
      case 'DisablePolicyType':
        return isSimulated(input['PolicyType']) ? this.disable(input['PolicyType']) : undefined;
      case 'CreatePolicy':
        return isSimulated(input['Type']) ? this.create(input['Type'], input) : undefined;
      case 'ListPolicies':
        return isSimulated(input['Filter']) ? this.list(input['Filter']) : undefined;
      case 'ListPoliciesForTarget':
        return isSimulated(input['Filter'])
          ? this.attachedTo(String(input['TargetId']), input['Filter'])
          : undefined;
      case 'AttachPolicy':
        return policy === undefined ? undefined : this.attach(policy, String(input['TargetId']));
      case 'DetachPolicy':
        return policy === undefined ? undefined : this.detach(policy, String(input['TargetId']));
      case 'ListTargetsForPolicy':
        return policy === undefined ? undefined : this.targetsOf(policy);
      case 'DescribePolicy':
        return policy === undefined ? undefined : { Policy: this.described(policy), ...META };
      default:
        return undefined;
    }
  }

  /** The root as moto lists it, with the simulated types that are enabled. */
  withEnabledTypes(output: { Roots?: { PolicyTypes?: object[] }[] }): void {
    const root = output.Roots?.[0];
    if (root === undefined) return;
    const simulated = [...this.enabled].map((Type) => ({ Type, Status: 'ENABLED' }));
    root.PolicyTypes = [...(root.PolicyTypes ?? []), ...simulated];
  }

  private enable(type: SimulatedPolicyType) {
    if (this.enabled.has(type)) {
      throw new PolicyTypeAlreadyEnabledException(fail(`${type} is already enabled`));
    }
    this.enabled.add(type);
    return { Root: { PolicyTypes: [{ Type: type, Status: 'ENABLED' }] }, ...META };
  }

  /** Disabling a type detaches every policy of that type (as AWS does). */
  private disable(type: SimulatedPolicyType) {
    if (!this.enabled.delete(type)) {
      throw new PolicyTypeNotEnabledException(fail(`${type} is not enabled on the root`));
    }
    for (const policy of this.policies.values()) {
      if (policy.type === type) this.targets.delete(policy.id);
    }
    return { Root: {}, ...META };
  }

  private create(type: SimulatedPolicyType, input: Input) {
    const name = String(input['Name']);
    if ([...this.policies.values()].some((p) => p.type === type && p.name === name)) {
      throw new DuplicatePolicyException(fail(`A ${type} named ${name} already exists`));
    }
    this.created += 1;
    const id = `p-sim${this.created.toString(16).padStart(8, '0')}`;
    const policy = { id, name, type, content: String(input['Content'] ?? '{}') };
    this.policies.set(id, policy);
    return { Policy: this.described(policy), ...META };
  }

  private described(policy: SimulatedPolicy) {
    const { id: Id, name: Name, type: Type, content: Content } = policy;
    return {
      PolicySummary: {
        Id,
        Name,
        Type,
        AwsManaged: false,
        Arn: `arn:aws:organizations::simulated:policy/${Id}`,
      },
      Content,
    };
  }

  private list(type: SimulatedPolicyType) {
    const policies = [...this.policies.values()].filter((p) => p.type === type);
    return { Policies: policies.map((p) => this.described(p).PolicySummary), ...META };
  }

  private attachedTo(targetId: string, type: SimulatedPolicyType) {
    const attached = [...this.policies.values()].filter(
      (p) => p.type === type && (this.targets.get(p.id)?.has(targetId) ?? false),
    );
    return { Policies: attached.map((p) => this.described(p).PolicySummary), ...META };
  }

  private attach(policy: SimulatedPolicy, targetId: string) {
    if (!this.enabled.has(policy.type)) {
      throw new PolicyTypeNotEnabledException(fail(`${policy.type} is not enabled on the root`));
    }
    const targets = this.targets.get(policy.id) ?? new Set<string>();
    if (targets.has(targetId)) {
      throw new DuplicatePolicyAttachmentException(fail(`${policy.id} is already attached`));
    }
    const slots = SIMULATED_POLICY_TYPES[policy.type];
    if (this.attachedTo(targetId, policy.type).Policies.length >= slots) {
      throw new ConstraintViolationException({
        ...fail(`${targetId} already has ${slots} ${policy.type} policies attached`),
        Reason: 'POLICY_NUMBER_LIMIT_EXCEEDED',
      });
    }
    this.targets.set(policy.id, targets.add(targetId));
    return META;
  }

  private detach(policy: SimulatedPolicy, targetId: string) {
    if (!(this.targets.get(policy.id)?.delete(targetId) ?? false)) {
      throw new PolicyNotAttachedException(fail(`${policy.id} is not attached to ${targetId}`));
    }
    return META;
  }

  private targetsOf(policy: SimulatedPolicy) {
    const Targets = [...(this.targets.get(policy.id) ?? [])].sort().map((TargetId) => ({
      TargetId,
      Type: /^\d{12}$/.test(TargetId)
        ? 'ACCOUNT'
        : TargetId.startsWith('ou-')
          ? 'ORGANIZATIONAL_UNIT'
          : 'ROOT',
    }));
    return { Targets, ...META };
  }
}

/**
 * Installs the SIMULATION of the policy types moto lacks ({@link SIMULATED_POLICY_TYPES}) on a
 * client pointed at moto: `EnablePolicyType` / `DisablePolicyType`, `CreatePolicy`,
 * `ListPolicies`, `ListPoliciesForTarget`, `AttachPolicy`, `DetachPolicy`,
 * `ListTargetsForPolicy` and `DescribePolicy` of those types are answered by the simulation,
 * with AWS's documented errors (`PolicyTypeNotEnabledException` when the type is not enabled,
 * `ConstraintViolationException` `POLICY_NUMBER_LIMIT_EXCEEDED` past the type's slots,
 * `DuplicatePolicyAttachmentException`, `PolicyNotAttachedException`,
 * `PolicyTypeAlreadyEnabledException`, `DuplicatePolicyException`); `ListRoots` comes from moto
 * with the simulated enabled types added; everything else goes to moto. Targets are not checked
 * against moto's organization.
 *
 * @example
 * ```ts
 * const moto = createMotoClients();
 * const simulation = simulateMissingPolicyTypes(moto.organizations);
 * await seedSnapshot(moto, snapshotWithBackupPolicies); // backup policies land in the simulation
 * simulation.served; // { EnablePolicyType: 1, CreatePolicy: 2, AttachPolicy: 1 }
 * ```
 */
export function simulateMissingPolicyTypes(client: OrganizationsClient): PolicyTypeSimulation {
  const simulation = new SimulatedTypes();
  const middleware: InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes> =
    (next, context) => async (args) => {
      const command = String(context.commandName ?? '').replace(/Command$/, '');
      const answer = simulation.answer(command, args.input as Input);
      if (answer !== undefined)
        return { output: answer as ServiceOutputTypes, response: undefined };
      const result = await next(args);
      if (command === 'ListRoots') {
        simulation.withEnabledTypes(result.output as { Roots?: { PolicyTypes?: object[] }[] });
      }
      return result;
    };
  client.middlewareStack.add(middleware, {
    step: 'initialize',
    name: 'simulateMissingPolicyTypes',
  });
  return { served: simulation.served };
}

/** `true` for a policy type moto lacks and the simulation serves. */
export function isSimulatedPolicyType(type: SdkPolicyType | string): type is SimulatedPolicyType {
  return isSimulated(type);
}
