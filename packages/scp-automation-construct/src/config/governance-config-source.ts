/**
 * Where `OrgGovernance` takes the governance configuration from: the `governance.yaml` that
 * `orgctl rules apply` stores (one file for both steps), its text, or only what the deployment
 * depends on. The construct reads nothing else of it: the notification targets (the notifier's
 * permissions), the events they listen to (routing) and `includeManagementAccount`.
 */
import { readFileSync } from 'node:fs';
import {
  type DeploymentGrants,
  deploymentGrantsOf,
  normalizeDeploymentGrants,
} from '@org/contracts';
import { ConfigError, formatProblem, parseGovernanceConfig } from '@org/scope-engine';
import type { IConstruct } from 'constructs';
import { InvalidGovernanceConfigError } from '../errors';

/**
 * What the deployment depends on, as a typed struct (for apps that do not keep the YAML next to
 * the CDK code). `orgctl rules apply` refuses a configuration that needs more than this.
 */
export interface GovernanceDeploymentGrants {
  /**
   * Assignments in the management account: the worker may provision Identity Center's roles there.
   * @default false
   */
  readonly includeManagementAccount?: boolean;
  /**
   * Some notification opens a Support case (`support:CreateCase`).
   * @default false
   */
  readonly supportCase?: boolean;
  /**
   * Secrets Manager ARNs of the webhook signing secrets the notifier may read.
   * @default - none
   */
  readonly webhookSecretArns?: readonly string[];
  /**
   * SNS topic ARNs the notifier may publish to.
   * @default - none
   */
  readonly topicArns?: readonly string[];
  /**
   * Events notifications listen to (`AccountCreated`, `AccountJoined`, `CreateAccountFailed`,
   * `ManagedAccountVended`): the Organizations events behind them also reach the notifier.
   * @default - none
   */
  readonly notifiedEvents?: readonly string[];
}

/**
 * The governance configuration of an `OrgGovernance`.
 *
 * @example
 * ```ts
 * new OrgGovernance(stack, 'Governance', {
 *   config: GovernanceConfigSource.fromFile('governance.yaml'),
 *   organizationId: 'o-exampleorg1',
 * });
 * ```
 */
export abstract class GovernanceConfigSource {
  /**
   * The configuration file `orgctl rules apply --config` stores (YAML or JSON), read and validated
   * at synthesis; a path relative to the directory `cdk synth` runs in.
   *
   * @example
   * ```ts
   * GovernanceConfigSource.fromFile('governance.yaml');
   * ```
   */
  static fromFile(path: string): GovernanceConfigSource {
    return new ParsedConfigSource(path, () => readFileSync(path, 'utf8'));
  }

  /**
   * The text of a configuration (YAML or JSON), validated at synthesis; `fileName` names it in
   * errors.
   *
   * @example
   * ```ts
   * GovernanceConfigSource.fromYaml(readFileSync('governance.yaml', 'utf8'), 'governance.yaml');
   * ```
   */
  static fromYaml(text: string, fileName = 'governance configuration'): GovernanceConfigSource {
    return new ParsedConfigSource(fileName, () => text);
  }

  /**
   * Only what the deployment depends on.
   *
   * @example
   * ```ts
   * GovernanceConfigSource.fromGrants({ supportCase: true, notifiedEvents: ['ManagedAccountVended'] });
   * ```
   */
  static fromGrants(grants: GovernanceDeploymentGrants): GovernanceConfigSource {
    return new GrantsSource(grants);
  }

  /**
   * What the deployment grants the configuration, read once per construct. Throws
   * {@link InvalidGovernanceConfigError} naming the file and every problem with its path.
   */
  abstract bind(scope: IConstruct): DeploymentGrants;
}

/** A configuration parsed and validated by the engine. */
class ParsedConfigSource extends GovernanceConfigSource {
  constructor(
    private readonly fileName: string,
    private readonly read: () => string,
  ) {
    super();
  }

  bind(scope: IConstruct): DeploymentGrants {
    let text: string;
    try {
      text = this.read();
    } catch (error) {
      // fs errors may come from another realm (not `instanceof Error`): read the message itself.
      const reason =
        typeof error === 'object' && error !== null && 'message' in error
          ? String(error.message)
          : String(error);
      throw new InvalidGovernanceConfigError(scope.node.path, this.fileName, [
        `cannot be read: ${reason}`,
      ]);
    }
    try {
      return deploymentGrantsOf(parseGovernanceConfig(text, this.fileName));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const problems = error.problems.map(formatProblem);
      const rest = error.problemCount - problems.length;
      throw new InvalidGovernanceConfigError(
        scope.node.path,
        this.fileName,
        rest > 0 ? [...problems, `… and ${rest} more`] : problems,
      );
    }
  }
}

/** The grants given as a struct. */
class GrantsSource extends GovernanceConfigSource {
  constructor(private readonly grants: GovernanceDeploymentGrants) {
    super();
  }

  bind(): DeploymentGrants {
    return normalizeDeploymentGrants(this.grants);
  }
}
