// Step 4.1 of the guide: the access entry's associated policies, compared with the config.
import { AssociatedPolicy, AwsApi, AwsCallError } from "./aws";
import type { ExpectedPolicy } from "./config";
import { CheckResult, fail, pass, skipped } from "./result";

export interface PolicyOutcome {
  readonly result: CheckResult;
  /** What EKS lists; undefined when it could not be read. */
  readonly policies?: AssociatedPolicy[];
  /** EKS has no access entry for the principal. */
  readonly entryMissing: boolean;
}

export interface PolicyCheckInput {
  readonly cluster: string;
  readonly clusterNotFound: boolean;
  readonly principalArn: string | undefined;
  readonly pathKnown: boolean;
  readonly expected: ExpectedPolicy[] | undefined;
  /** For the IAM fix: arn:PARTITION:eks:REGION:ACCOUNT:access-entry/CLUSTER/*. */
  readonly accessEntryArnPattern: string | undefined;
}

const DEPLOY = "cdktf deploy the stack that lists this principal";

export async function checkAccessPolicies(aws: AwsApi, input: PolicyCheckInput): Promise<PolicyOutcome> {
  if (!input.principalArn) return { result: skipped("access-policies", "principal unknown (see principal)"), entryMissing: false };
  if (input.clusterNotFound) return { result: skipped("access-policies", "cluster not found"), entryMissing: false };
  let policies: AssociatedPolicy[];
  try {
    policies = await aws.associatedPolicies(input.cluster, input.principalArn);
  } catch (error) {
    return { result: listFailure(error, input), entryMissing: error instanceof AwsCallError && error.code === "ResourceNotFoundException" };
  }
  const found = policies.map(describePolicy).join(", ");
  if (input.expected === undefined) {
    if (policies.length === 0) {
      return {
        result: fail("access-policies", `the access entry for ${input.principalArn} has no access policies`, "associate AmazonEKSViewPolicy or AmazonEKSAdminViewPolicy (accessPolicies in the config) and cdktf deploy"),
        policies,
        entryMissing: false,
      };
    }
    return { result: pass("access-policies", `associated: ${found}`), policies, entryMissing: false };
  }
  const missing = input.expected.filter((want) => !policies.some((have) => sameAssociation(want, have)));
  if (missing.length > 0) {
    const problems = missing.map((want) => {
      const other = policies.find((have) => have.policy === want.policy);
      return other ? `${want.policy} is scoped to ${describeScope(other)}, the config says ${describeScope(want)}` : `${describePolicy(want)} is not associated`;
    });
    return {
      result: fail("access-policies", `${problems.join("; ")} (associated: ${found || "none"})`, `${DEPLOY}; the config and the cluster disagree`),
      policies,
      entryMissing: false,
    };
  }
  const expected = input.expected;
  const wanted = policies.filter((have) => expected.some((want) => sameAssociation(want, have)));
  const extra = policies.filter((have) => !wanted.includes(have));
  const note = extra.length > 0 ? `; also associated, not in the config: ${extra.map(describePolicy).join(", ")}` : "";
  const listed = wanted.map(describePolicy).join(", ") || "none";
  return { result: pass("access-policies", `associated as the config says: ${listed}${note}`), policies, entryMissing: false };
}

function listFailure(error: unknown, input: PolicyCheckInput): CheckResult {
  const { code, message } = error instanceof AwsCallError ? error : new AwsCallError("Error", String(error));
  if (code === "ResourceNotFoundException") {
    const pathNote = input.pathKnown ? "" : " (the role path was guessed as \"/\"; if the role has a path, pass --principal-arn with the full ARN)";
    return fail("access-policies", `no access entry for ${input.principalArn} on cluster ${input.cluster}${pathNote}`, DEPLOY);
  }
  if (code === "AccessDeniedException") {
    return fail(
      "access-policies",
      "not allowed to call eks:ListAssociatedAccessPolicies (AccessDeniedException); kubectl does not need it, this check does",
      `grant eks:ListAssociatedAccessPolicies on ${input.accessEntryArnPattern ?? "the cluster's access entries"} (describeClusterPolicy in the config; cdktf deploy)`,
    );
  }
  return fail("access-policies", `ListAssociatedAccessPolicies failed: ${code}: ${message}`, "fix the error above and run again");
}

function sameAssociation(want: ExpectedPolicy, have: AssociatedPolicy): boolean {
  return want.policy === have.policy && want.scopeType === have.scopeType && want.namespaces.join(",") === have.namespaces.join(",");
}

export function describePolicy(policy: AssociatedPolicy | ExpectedPolicy): string {
  return `${policy.policy} (${describeScope(policy)})`;
}

function describeScope(policy: AssociatedPolicy | ExpectedPolicy): string {
  return policy.scopeType === "namespace" ? `namespaces ${policy.namespaces.join(", ")}` : "cluster";
}
