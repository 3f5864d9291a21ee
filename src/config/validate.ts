// Rules a JSON Schema cannot say well: uniqueness, the STANDARD-only fields and the admin opt-in.
// Runs after the structural check in ./spec, so every field here has its declared type.
import { STANDARD_ONLY } from "../access-entry-type";
import { AccessPolicy } from "../access-policy";
import { isServiceLinkedRole, parseIamArn } from "../aws-names";
import { describePrincipal, principalKey } from "../principal";
import { ConfigError } from "./config-error";
import { CONFIG_SPEC } from "./schema";
import { check, SpecError } from "./spec";
import type { JumphostConfig, PrincipalConfig, StackConfig } from "./types";


/** Checks a parsed config; returns it typed, or throws a ConfigError naming `file` and the JSON path. */
export function validateConfig(value: unknown, file: string): JumphostConfig {
  try {
    check(CONFIG_SPEC, value, "");
    checkRules(value as JumphostConfig);
  } catch (err) {
    if (err instanceof SpecError) throw new ConfigError(`${file}: ${err.message}`);
    throw err;
  }
  return value as JumphostConfig;
}

function checkRules(config: JumphostConfig): void {
  const stackNames = new Map<string, number>();
  // A cluster is known by its account (the assumed role's, or the default credentials'), region
  // and name; its entries belong in one stack, or two states would fight over them.
  const clustersSeen = new Map<string, string>();
  config.stacks.forEach((stack, s) => {
    const stackPath = `stacks[${s}]`;
    // Stack names become folder names: compare case-insensitively for case-insensitive disks.
    firstSeen(stackNames, stack.name.toLowerCase(), s, `${stackPath}.name`, `stack name ${JSON.stringify(stack.name)}`, "stacks");
    const stackAccount = stack.assumeRoleArn ? parseIamArn(stack.assumeRoleArn).account : undefined;
    if (stack.backend && "s3" in stack.backend && !stack.backend.s3.region && !stack.region) {
      throw new SpecError(`${stackPath}.backend.s3.region`, "is missing: Terraform's S3 backend needs the bucket's region, and this stack sets no region to default to.");
    }
    const clusterNames = new Map<string, number>();
    // IAM names ignore case, Terraform names and IAM policy names built from them do not.
    const spellings = new Map<string, { key: string; path: string }>();
    stack.clusters.forEach((cluster, c) => {
      const clusterPath = `${stackPath}.clusters[${c}]`;
      firstSeen(clusterNames, cluster.name, c, `${clusterPath}.name`, `cluster ${JSON.stringify(cluster.name)}`, "clusters");
      const where = JSON.stringify([stackAccount ?? "", stack.region ?? "", cluster.name]);
      const other = clustersSeen.get(where);
      if (other !== undefined) {
        throw new SpecError(`${clusterPath}.name`, `cluster ${JSON.stringify(cluster.name)} is already in ${other}, with the same account and region; put all of a cluster's principals in one stack.`);
      }
      clustersSeen.set(where, `${stackPath} (${JSON.stringify(stack.name)})`);
      const principals = new Map<string, number>();
      cluster.principals.forEach((principal, p) => {
        const path = `${clusterPath}.principals[${p}]`;
        firstSeen(principals, identity(principal, stackAccount), p, path, describePrincipal(principal), "principals");
        // One principal, one way of writing it per stack: its data source, IAM policy and addresses
        // are keyed by how it is written.
        const key = principalKey(principal);
        const who = identity(principal, stackAccount);
        const spelling = spellings.get(who);
        if (spelling && spelling.key !== key) {
          throw new SpecError(path, `${describePrincipal(principal)} is the same IAM principal as at ${spelling.path}, written differently (IAM ignores case); write it the same way everywhere in the stack.`);
        }
        spellings.set(who, { key, path });
        checkPrincipal(principal, path, stack.tags);
        checkPolicyAccount(stack, principal, path);
      });
    });
  });
}

/**
 * Who a principal is, for duplicates: IAM names are case-insensitive, and a roleName is the role of
 * that name in the stack's account, so it equals a roleArn there when assumeRoleArn names the account.
 */
function identity(principal: PrincipalConfig, stackAccount: string | undefined): string {
  if (principal.roleName !== undefined && stackAccount !== undefined) {
    return `rolearn-${stackAccount}-${principal.roleName}`.toLowerCase();
  }
  return principalKey(principal).toLowerCase();
}

/** Tags on one resource, the provider's default_tags included. */
const MAX_TAGS = 50;

function checkPrincipal(principal: PrincipalConfig, path: string, stackTags: Record<string, string> | undefined): void {
  const tagCount = new Set([...Object.keys(stackTags ?? {}), ...Object.keys(principal.tags ?? {})]).size;
  if (tagCount > MAX_TAGS) {
    throw new SpecError(`${path}.tags`, `with the stack's tags the access entry would have ${tagCount} tags; AWS allows ${MAX_TAGS} per resource.`);
  }
  const role = principal.roleArn !== undefined ? parseIamArn(principal.roleArn) : undefined;
  const roleName = principal.roleName ?? role?.name;
  if (roleName !== undefined && isServiceLinkedRole(roleName, role?.path)) {
    throw new SpecError(path, `${describePrincipal(principal)} is a service-linked role; EKS does not allow access entries for service-linked roles.`);
  }
  const type = principal.type ?? "STANDARD";
  if (type !== "STANDARD" && principal.userArn !== undefined) {
    throw new SpecError(`${path}.type`, `is ${JSON.stringify(type)}, but node entries take IAM roles only; use roleName or roleArn, or type "STANDARD" for a user.`);
  }
  if (type !== "STANDARD") {
    for (const field of STANDARD_ONLY) {
      if (principal[field] !== undefined) {
        throw new SpecError(
          `${path}.${field}`,
          `is only allowed on STANDARD entries; this entry's type is ${JSON.stringify(type)} (EKS gives ${type} entries their permissions itself). Remove ${field} or set type to "STANDARD".`,
        );
      }
    }
  }
  const policies = new Map<string, number>();
  principal.accessPolicies?.forEach((association, i) => {
    const policyPath = `${path}.accessPolicies[${i}].policy`;
    firstSeen(policies, association.policy, i, policyPath, `policy ${JSON.stringify(association.policy)}`, "accessPolicies");
    if (AccessPolicy.of(association.policy).traits.admin && principal.allowAdmin !== true) {
      throw new SpecError(
        policyPath,
        `${JSON.stringify(association.policy)} allows writes, exec into pods and reading and changing Secrets; set "allowAdmin": true on this principal to grant it, or use "AmazonEKSViewPolicy" / "AmazonEKSAdminViewPolicy" for read-only access.`,
      );
    }
    const namespaces = new Set<string>();
    association.namespaces?.forEach((namespace, n) => {
      if (namespaces.has(namespace)) {
        throw new SpecError(`${path}.accessPolicies[${i}].namespaces[${n}]`, `${JSON.stringify(namespace)} is listed twice.`);
      }
      namespaces.add(namespace);
    });
  });
}

/**
 * describeClusterPolicy attaches an IAM policy in the stack's account. When assumeRoleArn names that
 * account, a principal ARN of another account is caught here; otherwise a plan-time condition does it.
 */
function checkPolicyAccount(stack: StackConfig, principal: PrincipalConfig, path: string): void {
  const arn = principal.roleArn ?? principal.userArn;
  if (!stack.assumeRoleArn || !arn) return;
  const stackAccount = parseIamArn(stack.assumeRoleArn).account;
  const principalAccount = parseIamArn(arn).account;
  const type = principal.type ?? "STANDARD";
  if (type !== "STANDARD" && principalAccount !== stackAccount) {
    throw new SpecError(
      `${path}.roleArn`,
      `is in account ${principalAccount}; entries of type ${type} need a role of the cluster's account, ${stackAccount} (the stack's assumeRoleArn).`,
    );
  }
  if (principal.describeClusterPolicy === false) return;
  if (principalAccount !== stackAccount) {
    throw new SpecError(
      `${path}.describeClusterPolicy`,
      `is true (the default), but this principal is in account ${principalAccount} and the stack's IAM policies are created in account ${stackAccount} (its assumeRoleArn). Set "describeClusterPolicy": false: EKS has no resource policies, so a principal of another account reads the cluster by assuming a role in the cluster's account.`,
    );
  }
}

/** Records `key` at `index`, or throws when an earlier item of `list` already has it. */
function firstSeen(seen: Map<string, number>, key: string, index: number, path: string, what: string, list: string): void {
  const earlier = seen.get(key);
  if (earlier !== undefined) {
    throw new SpecError(path, `${what} is already used by ${list}[${earlier}]; each must be unique.`);
  }
  seen.set(key, index);
}
