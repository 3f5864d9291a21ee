// Places migrated principals in a config: a new one for stdout, or an existing one for --merge.
// Existing configs are changed by copying, so the caller's objects and the file's other content stay.
import type { ClusterConfig, JumphostConfig, PrincipalConfig, StackConfig } from "../config/types";
import { parseIamArn } from "./arn";
import { AwsAuthInputError } from "./errors";

/** The stack and cluster that receive the principals. */
export interface Placement {
  readonly stack: string;
  readonly cluster: string;
}

/** Raised when the stack or cluster cannot be chosen without a flag (exit 2). */
export class PlacementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlacementError";
  }
}

/** A config holding only the migrated cluster. */
export function newConfig(placement: Placement, principals: readonly PrincipalConfig[]): JumphostConfig {
  return { stacks: [{ name: placement.stack, clusters: [{ name: placement.cluster, principals: [...principals] }] }] };
}

/**
 * Chooses where merged principals go: --stack, else the stack holding --cluster, else the only
 * stack; --cluster, else the stack's only cluster. A stack or cluster that does not exist is created.
 */
export function choosePlacement(config: JumphostConfig, stack: string | undefined, cluster: string | undefined): Placement {
  let stackName = stack;
  if (stackName === undefined) {
    const holding = cluster === undefined ? [] : config.stacks.filter((s) => s.clusters.some((c) => c.name === cluster));
    if (holding.length === 1) stackName = holding[0].name;
    else if (config.stacks.length === 1) stackName = config.stacks[0].name;
    else throw new PlacementError(`the config has ${config.stacks.length === 0 ? "no stacks" : `${config.stacks.length} stacks`}; pass --stack NAME`);
  }
  const target = config.stacks.find((s) => s.name === stackName);
  let clusterName = cluster;
  if (clusterName === undefined) {
    if (target?.clusters.length === 1) clusterName = target.clusters[0].name;
    else throw new PlacementError(`cannot tell which cluster of stack "${stackName}" the ConfigMap belongs to; pass --cluster NAME`);
  }
  return { stack: stackName, cluster: clusterName };
}

/** The account a stack works in when it assumes a role, else undefined. */
export function stackAccount(config: JumphostConfig, stack: string): string | undefined {
  const assumed = config.stacks.find((s) => s.name === stack)?.assumeRoleArn;
  return assumed === undefined ? undefined : /^arn:[\w-]+:iam::(\d{12}):/.exec(assumed)?.[1];
}

/**
 * Adds the principals to the placement's cluster; throws, naming each one, when a principal is
 * already in that cluster (an access entry exists once per principal and cluster).
 */
export function mergePrincipals(
  config: JumphostConfig,
  placement: Placement,
  principals: readonly PrincipalConfig[],
  account: string,
  file: string,
): JumphostConfig {
  const stackExists = config.stacks.some((s) => s.name === placement.stack);
  const stacks: StackConfig[] = stackExists ? [...config.stacks] : [...config.stacks, { name: placement.stack, clusters: [] }];
  return {
    ...config,
    stacks: stacks.map((s) => (s.name === placement.stack ? { ...s, clusters: mergeIntoStack(s, placement, principals, account, file) } : s)),
  };
}

function mergeIntoStack(stack: StackConfig, placement: Placement, principals: readonly PrincipalConfig[], account: string, file: string): ClusterConfig[] {
  const clusters = stack.clusters.some((c) => c.name === placement.cluster) ? [...stack.clusters] : [...stack.clusters, { name: placement.cluster, principals: [] }];
  return clusters.map((cluster) => {
    if (cluster.name !== placement.cluster) return cluster;
    const present = new Map(cluster.principals.map((p, index) => [principalKey(p, account), index]));
    const clashes = principals.filter((p) => present.has(principalKey(p, account)));
    if (clashes.length > 0) {
      const where = `stacks[name=${stack.name}].clusters[name=${cluster.name}]`;
      const names = clashes.map((p) => `${describeRef(p)} (already principals[${present.get(principalKey(p, account))}])`).join("; ");
      throw new AwsAuthInputError(`${file}: ${where} already has ${names}; remove them from the config or from aws-auth, then rerun. Nothing was written.`);
    }
    return { ...cluster, principals: [...cluster.principals, ...principals] };
  });
}

// One key per IAM principal: a roleName is a role of the stack's account; role paths do not count.
function principalKey(principal: PrincipalConfig, account: string): string {
  if (principal.roleName !== undefined) return `role:${account}:${principal.roleName.toLowerCase()}`;
  const arn = parseIamArn(principal.roleArn ?? principal.userArn ?? "");
  if (!arn) return `other:${(principal.roleArn ?? principal.userArn ?? "").toLowerCase()}`;
  return arn.kind === "role" ? `role:${arn.account}:${arn.name.toLowerCase()}` : `user:${arn.text.toLowerCase()}`;
}

function describeRef(principal: PrincipalConfig): string {
  if (principal.roleName !== undefined) return `roleName "${principal.roleName}"`;
  return principal.roleArn !== undefined ? `roleArn ${principal.roleArn}` : `userArn ${principal.userArn}`;
}
