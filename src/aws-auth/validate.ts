// Checks of the configs this tool reads and writes. Until the project's validating loader
// (src/config/load.ts) is on this branch, these cover what the migration itself can get wrong.
import { readFileSync } from "node:fs";
import type { JumphostConfig, PrincipalConfig } from "../config/types";
import { AwsAuthInputError } from "./errors";

const ADMIN_POLICIES = ["AmazonEKSClusterAdminPolicy", "AmazonEKSAdminPolicy", "AmazonEKSEditPolicy"];

/** Reads the --merge target; throws AwsAuthInputError naming the file when it is not a config. */
export function loadMergeTarget(file: string): JumphostConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new AwsAuthInputError(`${file}: cannot read the config: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AwsAuthInputError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  return checkConfig(value, file);
}

/** Checks a config's shape and the principal rules the migration must respect. */
export function checkConfig(value: unknown, file: string): JumphostConfig {
  const problems: string[] = [];
  const stacks = isRecord(value) && Array.isArray(value.stacks) ? value.stacks : undefined;
  if (!stacks) throw new AwsAuthInputError(`${file}: stacks: expected a list of stacks.`);
  stacks.forEach((stack: unknown, s) => {
    if (!isRecord(stack) || typeof stack.name !== "string" || !Array.isArray(stack.clusters)) {
      problems.push(`stacks[${s}]: expected {name, clusters: [...]}`);
      return;
    }
    stack.clusters.forEach((cluster: unknown, c) => {
      if (!isRecord(cluster) || typeof cluster.name !== "string" || !Array.isArray(cluster.principals)) {
        problems.push(`stacks[${s}].clusters[${c}]: expected {name, principals: [...]}`);
        return;
      }
      cluster.principals.forEach((principal: unknown, p) => {
        const where = `stacks[${s}].clusters[${c}].principals[${p}]`;
        if (!isRecord(principal)) problems.push(`${where}: expected an object`);
        else problems.push(...principalProblems(principal as PrincipalConfig).map((problem) => `${where}.${problem}`));
      });
    });
  });
  if (problems.length > 0) throw new AwsAuthInputError(`${file}: ${problems.join("; ")}`);
  return value as unknown as JumphostConfig;
}

function principalProblems(principal: PrincipalConfig): string[] {
  const problems: string[] = [];
  const refs = [principal.roleName, principal.roleArn, principal.userArn].filter((ref) => ref !== undefined);
  if (refs.length !== 1) problems.push("roleName|roleArn|userArn: exactly one is required");
  const standard = (principal.type ?? "STANDARD") === "STANDARD";
  if (!standard && (principal.kubernetesGroups || principal.userName !== undefined || principal.accessPolicies)) {
    problems.push(`type: only STANDARD entries may carry kubernetesGroups, userName, accessPolicies`);
  }
  for (const group of principal.kubernetesGroups ?? []) {
    if (group.startsWith("system:")) problems.push(`kubernetesGroups: "${group}" starts with system:, which access entries refuse`);
  }
  for (const association of principal.accessPolicies ?? []) {
    if (ADMIN_POLICIES.includes(association.policy) && principal.allowAdmin !== true) {
      problems.push(`accessPolicies: ${association.policy} needs allowAdmin: true`);
    }
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
