// Turns a failed `kubectl get` into the reason and the fix, using what the earlier checks found.
import { AccessPolicy } from "../access-policy";
import type { AssociatedPolicy } from "./aws";
import { describePolicy } from "./policy-check";
import type { CommandOutcome } from "./run-command";

export enum ReadFailureKind {
  UNAUTHORIZED = "Unauthorized",
  FORBIDDEN = "Forbidden",
  TIMEOUT = "timeout",
  CONNECTION = "connection",
  CREDENTIALS = "credentials",
  OTHER = "other",
}

/** What the earlier checks learned, to explain a read failure. */
export interface ReadContext {
  readonly cluster: string;
  readonly region: string;
  readonly endpoint: string;
  readonly principalArn: string | undefined;
  readonly callerArn: string | undefined;
  readonly principalMismatch: boolean;
  readonly authenticationMode: string | undefined;
  readonly entryMissing: boolean;
  /** Undefined when they could not be listed. */
  readonly policies: AssociatedPolicy[] | undefined;
  /** Policy names the config lists for the principal; undefined without --config. */
  readonly expectedPolicies: string[] | undefined;
  readonly timeoutSeconds: number;
}

export interface ReadFailure {
  readonly kind: ReadFailureKind;
  readonly detail: string;
  readonly fix: string;
}

/** Policies whose grant includes nodes, from the policies' traits (View, Edit and Admin do not). */
const NODE_READERS = AccessPolicy.NODE_READERS.map((policy) => policy.name);

export function classify(outcome: CommandOutcome): ReadFailureKind {
  const text = outcome.stderr;
  if (outcome.timedOut) return ReadFailureKind.TIMEOUT;
  // kubectl reports exec-plugin failures under "Unable to connect", so look for them first.
  if (/getting credentials|exec: executable|exec plugin/i.test(text)) return ReadFailureKind.CREDENTIALS;
  if (/\(Unauthorized\)|must be logged in/.test(text)) return ReadFailureKind.UNAUTHORIZED;
  if (/\(Forbidden\)|is forbidden/.test(text)) return ReadFailureKind.FORBIDDEN;
  if (/Client\.Timeout|context deadline exceeded|i\/o timeout|TLS handshake timeout|request canceled/i.test(text)) return ReadFailureKind.TIMEOUT;
  if (/Unable to connect|no such host|connection refused|no route to host|network is unreachable|dial tcp/i.test(text)) return ReadFailureKind.CONNECTION;
  return ReadFailureKind.OTHER;
}

export function explainReadFailure(command: string, resource: string, clusterWide: boolean, outcome: CommandOutcome, context: ReadContext): ReadFailure {
  const kind = classify(outcome);
  const said = outcome.stderr.trim().split("\n")[0] || `exit code ${outcome.code}`;
  switch (kind) {
    case ReadFailureKind.UNAUTHORIZED:
      return { kind, ...unauthorized(context) };
    case ReadFailureKind.FORBIDDEN:
      return { kind, ...forbidden(command, resource, clusterWide, context) };
    case ReadFailureKind.TIMEOUT:
      return {
        kind,
        detail: `timeout: the API server ${context.endpoint} did not answer within ${context.timeoutSeconds}s`,
        fix: "the endpoint is private or filtered: allow TCP 443 from the jumphost to the cluster security group, or add the jumphost's IP to the public endpoint's allowed CIDRs",
      };
    case ReadFailureKind.CONNECTION:
      if (/no such host/.test(outcome.stderr)) {
        return {
          kind,
          detail: `connection error: the API server name does not resolve (${said})`,
          fix: "the endpoint is private: run from the cluster's VPC (or a peered VPC) with VPC DNS resolution on",
        };
      }
      return {
        kind,
        detail: `connection error: cannot connect to the API server ${context.endpoint} (${said})`,
        fix: "check the route and security groups between the jumphost and the cluster endpoint (TCP 443)",
      };
    case ReadFailureKind.CREDENTIALS:
      return {
        kind,
        detail: `kubectl could not get a token from \`aws eks get-token\` (${said})`,
        fix: `run \`aws eks get-token --cluster-name ${context.cluster} --region ${context.region}\` to see why (AWS CLI, credentials)`,
      };
    default:
      return { kind, detail: `\`${command}\` failed: ${said}`, fix: `run \`${command} -v=6\` to see the request and the answer` };
  }
}

function unauthorized(context: ReadContext): { detail: string; fix: string } {
  const prefix = "Unauthorized: the cluster did not accept your IAM identity";
  if (context.authenticationMode === "CONFIG_MAP") {
    return { detail: `${prefix}; it is in CONFIG_MAP mode and ignores access entries`, fix: "switch the authentication mode to API_AND_CONFIG_MAP (see authentication-mode)" };
  }
  if (context.principalMismatch) {
    return { detail: `${prefix}; you are ${context.callerArn}, not the principal with the access entry`, fix: "run as the jumphost's role (see principal)" };
  }
  if (context.entryMissing) {
    return { detail: `${prefix}; there is no access entry for ${context.principalArn}`, fix: "cdktf deploy the stack that lists this principal (see access-policies)" };
  }
  return {
    detail: `${prefix} (${context.callerArn ?? "caller unknown"}); no access entry maps it`,
    fix: `make the access entry's principal ARN the role's exact ARN, path included: aws eks list-access-entries --cluster-name ${context.cluster}`,
  };
}

function forbidden(command: string, resource: string, clusterWide: boolean, context: ReadContext): { detail: string; fix: string } {
  const prefix = `Forbidden: \`${command}\` is denied`;
  const policies = context.policies;
  if (policies === undefined) {
    return { detail: `${prefix}; your access policies do not allow listing ${resource}`, fix: "see access-policies; AmazonEKSAdminViewPolicy reads every resource" };
  }
  if (policies.length === 0) {
    return { detail: `${prefix}; the access entry has no access policies`, fix: "associate AmazonEKSViewPolicy or AmazonEKSAdminViewPolicy (accessPolicies in the config) and cdktf deploy" };
  }
  const clusterScoped = policies.filter((policy) => policy.scopeType === "cluster");
  if (clusterWide && clusterScoped.length === 0) {
    const namespaces = [...new Set(policies.flatMap((policy) => policy.namespaces))].join(", ");
    const example = resource === "nodes" ? "" : ` or read one namespace: kubectl get ${resource} -n ${policies[0].namespaces[0]}`;
    return {
      detail: `${prefix}; your policies are scoped to namespaces ${namespaces}, and a namespace scope denies cluster-wide reads`,
      fix: `give the policy cluster scope (drop "namespaces" in the config)${example}`,
    };
  }
  if (resource === "nodes" && !clusterScoped.some((policy) => NODE_READERS.includes(policy.policy))) {
    const names = clusterScoped.map((policy) => policy.policy);
    const verb = names.length === 1 ? "does" : "do";
    const detail = `${prefix}; ${names.join(" and ")} ${verb} not cover nodes; AmazonEKSAdminViewPolicy does`;
    const configured = NODE_READERS.find((name) => context.expectedPolicies?.includes(name));
    if (configured) return { detail, fix: `the config lists ${configured} but the cluster does not have it: cdktf deploy (see access-policies)` };
    return { detail, fix: 'add { "policy": "AmazonEKSAdminViewPolicy" } to the principal\'s accessPolicies and cdktf deploy (it also reads Secrets)' };
  }
  return {
    detail: `${prefix}; ${policies.map(describePolicy).join(", ")} do not allow listing ${resource}`,
    fix: "associate a policy that covers it (AmazonEKSAdminViewPolicy reads every resource) and cdktf deploy",
  };
}
