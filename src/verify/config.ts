// What the project's config says the verify command should find.
import { existsSync } from "node:fs";
import { ConfigError } from "../config/config-error";
import { loadConfig } from "../config/load";
import type { JumphostConfig, PrincipalConfig } from "../config/types";
import { IamPrincipal, principalFromIamArn } from "./arn";
import { UsageError } from "./usage-error";

export interface ExpectedPolicy {
  /** Policy name, e.g. "AmazonEKSViewPolicy". */
  readonly policy: string;
  readonly scopeType: "cluster" | "namespace";
  /** Sorted; empty for cluster scope. */
  readonly namespaces: string[];
}

export interface ExpectedPrincipal {
  readonly principal: IamPrincipal;
  /** How the config or command line named it, for messages: `the config's roleName "jumphost"`. */
  readonly source: string;
  /** Undefined when nothing says which policies to expect (--principal-arn without --config). */
  readonly expectedPolicies: ExpectedPolicy[] | undefined;
}

export interface Expectations {
  readonly cluster: string;
  /** Undefined when the stack does not set one: the SDK's default region applies. */
  readonly region: string | undefined;
  /** Candidates for the jumphost; the one matching the caller identity is checked. */
  readonly principals: ExpectedPrincipal[];
}

/** The project's validated config; a bad file is a usage error (exit 2) with the loader's message. */
export function readConfig(file: string): JumphostConfig {
  // The loader's own "not found" message points at JUMPHOST_CONFIG, which only the synth reads.
  if (!existsSync(file)) throw new UsageError(`--config: ${file}: file not found`);
  try {
    return loadConfig(file);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`--config: ${error.message}`);
    throw error;
  }
}

export function expectationsFromConfig(
  config: JumphostConfig,
  stackName: string,
  clusterName?: string,
): Expectations {
  const stack = (config.stacks ?? []).find((candidate) => candidate.name === stackName);
  if (!stack) {
    const names = (config.stacks ?? []).map((candidate) => `"${candidate.name}"`).join(", ");
    throw new UsageError(`--stack: no stack "${stackName}" in the config (stacks: ${names || "none"})`);
  }
  const clusters = stack.clusters ?? [];
  const clusterNames = clusters.map((candidate) => `"${candidate.name}"`).join(", ");
  let cluster;
  if (clusterName !== undefined) {
    cluster = clusters.find((candidate) => candidate.name === clusterName);
    if (!cluster) {
      throw new UsageError(`--cluster: stack "${stackName}" has no cluster "${clusterName}" (clusters: ${clusterNames || "none"})`);
    }
  } else if (clusters.length === 1) {
    cluster = clusters[0];
  } else {
    throw new UsageError(
      `stack "${stackName}" has ${clusters.length} clusters (${clusterNames || "none"}); choose one with --cluster NAME`,
    );
  }
  // Only STANDARD entries are for people; node and Fargate roles cannot be the jumphost.
  const people = (cluster.principals ?? []).filter((principal) => (principal.type ?? "STANDARD") === "STANDARD");
  return { cluster: cluster.name, region: stack.region, principals: people.map(expectedPrincipal) };
}

function expectedPrincipal(config: PrincipalConfig): ExpectedPrincipal {
  const expectedPolicies = (config.accessPolicies ?? []).map((entry): ExpectedPolicy => {
    const namespaces = [...(entry.namespaces ?? [])].sort();
    return { policy: entry.policy, scopeType: namespaces.length > 0 ? "namespace" : "cluster", namespaces };
  });
  if (config.roleName !== undefined) {
    // A bare name says nothing about the role's path or account; the caller identity supplies them.
    const principal: IamPrincipal = { kind: "role", partition: undefined, account: undefined, path: undefined, name: config.roleName };
    return { principal, source: `the config's roleName "${config.roleName}"`, expectedPolicies };
  }
  const arn = config.roleArn ?? config.userArn ?? "";
  const principal = principalFromIamArn(arn);
  if (!principal) throw new UsageError(`--config: principal "${arn}" is not an IAM role or user ARN`);
  return { principal, source: `the config's ${config.roleArn !== undefined ? "roleArn" : "userArn"} "${arn}"`, expectedPolicies };
}
