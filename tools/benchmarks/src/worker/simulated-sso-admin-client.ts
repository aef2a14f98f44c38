import {
  type CreateAccountAssignmentCommandInput,
  type DescribeAccountAssignmentCreationStatusCommandInput,
  type ListAccountAssignmentsCommandInput,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { Clock } from '@org/governance-runtime';
import { type SimulatedIdentityCenter, SimulatedServiceError } from './simulated-identity-center';

/** The assignment a create request is about, as the simulated service keys it. */
export function assignmentKeyOf(input: CreateAccountAssignmentCommandInput): string {
  return `${input.TargetId}#${input.PermissionSetArn}#${input.PrincipalType}#${input.PrincipalId}`;
}

/**
 * A real `SSOAdminClient` whose requests are answered by a {@link SimulatedIdentityCenter}
 * instead of AWS: a middleware at the start of the stack short-circuits each command after the
 * configured call latency. Everything above it — the Identity Center adapter, its retries and
 * error translation, the pipeline, the worker handler — is the production code.
 *
 * @example
 * ```ts
 * const adapter = new IdentityCenterAdapter(simulatedSsoAdminClient(service, clock), { instance });
 * ```
 */
export function simulatedSsoAdminClient(
  service: SimulatedIdentityCenter,
  clock: Clock,
): SSOAdminClient {
  const client = new SSOAdminClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'simulated', secretAccessKey: 'simulated' },
    maxAttempts: 1,
  });
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      await clock.sleep(service.settings.callLatencyMs);
      switch (context.commandName) {
        case 'CreateAccountAssignmentCommand': {
          const status = service.create(
            assignmentKeyOf(args.input as CreateAccountAssignmentCommandInput),
          );
          return {
            output: {
              AccountAssignmentCreationStatus: {
                RequestId: status.requestId,
                Status: status.status,
              },
              $metadata: {},
            },
            response: {},
          };
        }
        case 'DescribeAccountAssignmentCreationStatusCommand': {
          const input = args.input as DescribeAccountAssignmentCreationStatusCommandInput;
          const status = service.status(input.AccountAssignmentCreationRequestId ?? '');
          return {
            output: {
              AccountAssignmentCreationStatus: {
                RequestId: status.requestId,
                Status: status.status,
                ...(status.failureReason === undefined
                  ? {}
                  : { FailureReason: status.failureReason }),
              },
              $metadata: {},
            },
            response: {},
          };
        }
        case 'ListAccountAssignmentsCommand': {
          // The worker's check before a first creation: an admin API request like the others.
          const input = args.input as ListAccountAssignmentsCommandInput;
          return {
            output: {
              AccountAssignments: service
                .existingOn(input.AccountId ?? '', input.PermissionSetArn ?? '')
                .map((key) => {
                  const [accountId, permissionSetArn, principalType, principalId] = key.split('#');
                  return {
                    AccountId: accountId,
                    PermissionSetArn: permissionSetArn,
                    PrincipalType: principalType,
                    PrincipalId: principalId,
                  };
                }),
              $metadata: {},
            },
            response: {},
          };
        }
        default:
          throw new SimulatedServiceError(
            'UnsupportedOperation',
            `${context.commandName} is not simulated`,
          );
      }
    },
    { step: 'initialize', name: 'simulatedIdentityCenter' },
  );
  return client;
}
