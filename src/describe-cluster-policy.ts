// The IAM side of jumphost access: eks:DescribeCluster (what `aws eks update-kubeconfig` needs) on
// exactly the principal's clusters, and eks:ListAssociatedAccessPolicies on those clusters' access
// entries only. One managed policy per principal per stack, split into a few when the ARNs do not
// fit one policy, so a role on many clusters stays within IAM's limits.
import { createHash } from "node:crypto";
import { Fn, Op, type TerraformCondition } from "cdktf";
import { Construct } from "constructs";
import { terraformName } from "./addresses";
import { ValidationError } from "./validation-error";
import { withHclConditionBlocks } from "./hcl-conditions";
import { IamPolicy, IamRolePolicyAttachment, IamUserPolicyAttachment } from "./provider-aws";

/** IAM's size limit for a managed policy document, white space not counted. */
export const MAX_POLICY_CHARS = 6144;
/** Managed policies attachable to one role or user (default quota). */
export const MAX_POLICIES_PER_PRINCIPAL = 10;
// Worst-case values for size estimates: the real partition, region and account are only known at
// plan time. "aws-us-gov" is the longest partition; regions run to 14 characters today
// ("ap-southeast-5"), padded to 20 for regions to come.
const WORST_CASE = { partition: "aws-us-gov", region: "x".repeat(20), account: "123456789012" };

export interface DescribeClusterPolicyProps {
  /** Stack name: keeps policy names unique when several stacks share an account. */
  readonly stackName: string;
  /** Stable, unique key of the principal (see principalKey). */
  readonly principalKey: string;
  /** For messages, e.g. `roleName "jumphost"`. */
  readonly principalLabel: string;
  /**
   * Role or user the policies are attached to (a data source's `name` or a literal). For a user,
   * `account` adds a plan-time check that the stack's account is the user's.
   */
  readonly attachTo: { readonly role: string } | { readonly user: string; readonly account?: string };
  readonly clusterNames: readonly string[];
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  /** Region name when known at synth, for a tighter size estimate. @default worst case */
  readonly knownRegion?: string;
}

export class DescribeClusterPolicy extends Construct {
  readonly policies: IamPolicy[] = [];

  constructor(scope: Construct, id: string, props: DescribeClusterPolicyProps) {
    super(scope, id);
    const chunks = splitClusters(props.clusterNames, props.knownRegion);
    if (chunks.length > MAX_POLICIES_PER_PRINCIPAL) {
      throw new ValidationError(
        `stack ${JSON.stringify(props.stackName)}: ${props.principalLabel} is on ${props.clusterNames.length} clusters; ` +
          `their eks:DescribeCluster and eks:ListAssociatedAccessPolicies rights need ${chunks.length} IAM policies of at most ` +
          `${MAX_POLICY_CHARS} characters, and IAM attaches at most ${MAX_POLICIES_PER_PRINCIPAL} managed policies to one principal. ` +
          `Split its clusters across stacks, or set "describeClusterPolicy": false on some of them and grant it otherwise.`,
      );
    }
    const arn = (resource: string) => `arn:${props.partition}:eks:${props.region}:${props.accountId}:${resource}`;
    chunks.forEach((clusters, i) => {
      const part = String(i + 1);
      const policy = new IamPolicy(this, `policy-${part}`, {
        name: policyName(props.stackName, props.principalKey, i + 1),
        description: `eks:DescribeCluster and eks:ListAssociatedAccessPolicies for ${props.principalLabel} (stack ${props.stackName})`,
        policy: Fn.jsonencode(policyDocument(clusters, arn)),
      });
      policy.overrideLogicalId(terraformName(props.principalKey, part));
      this.policies.push(policy);
      const attachment =
        "role" in props.attachTo
          ? new IamRolePolicyAttachment(this, `attachment-${part}`, { role: props.attachTo.role, policyArn: policy.arn })
          : withHclConditionBlocks(
              new IamUserPolicyAttachment(this, `attachment-${part}`, {
                user: props.attachTo.user,
                policyArn: policy.arn,
                lifecycle: props.attachTo.account ? { precondition: [sameAccount(props.accountId, props.attachTo.account, props.attachTo.user)] } : undefined,
              }),
            );
      attachment.overrideLogicalId(terraformName(props.principalKey, part));
    });
  }
}

/** The stack's account must be the user's: IAM attaches policies to users of its own account only. */
function sameAccount(stackAccountId: string, userAccount: string, user: string): TerraformCondition {
  return {
    condition: Op.eq(stackAccountId, userAccount),
    errorMessage: `IAM user ${user} is in account ${userAccount}, but this stack's IAM policies are created in another account. Set "describeClusterPolicy": false for it, or move it to a stack of account ${userAccount}.`,
  };
}

/** The policy document for `clusters`, with `arn` turning "cluster/NAME" into a full ARN. */
export function policyDocument(clusters: readonly string[], arn: (resource: string) => string) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "DescribeClusterAccess",
        Effect: "Allow",
        Action: "eks:DescribeCluster",
        Resource: clusters.map((name) => arn(`cluster/${name}`)),
      },
      {
        Sid: "ListAssociatedAccessPolicies",
        Effect: "Allow",
        Action: "eks:ListAssociatedAccessPolicies",
        Resource: clusters.map((name) => arn(`access-entry/${name}/*`)),
      },
    ],
  };
}

/**
 * Groups cluster names, in order, into as few policies as fit MAX_POLICY_CHARS each, measuring
 * the document as IAM will (JSON without white space) with worst-case partition and account, and
 * the region when it is known.
 */
export function splitClusters(clusterNames: readonly string[], knownRegion?: string): string[][] {
  const region = knownRegion ?? WORST_CASE.region;
  const arn = (resource: string) => `arn:${WORST_CASE.partition}:eks:${region}:${WORST_CASE.account}:${resource}`;
  const empty = JSON.stringify(policyDocument([], arn)).length;
  const chunks: string[][] = [];
  let size = empty;
  for (const name of clusterNames) {
    // Both ARNs, quoted, each with the comma that separates it from the next.
    const cost = JSON.stringify(arn(`cluster/${name}`)).length + JSON.stringify(arn(`access-entry/${name}/*`)).length + 2;
    if (chunks.length === 0 || size + cost > MAX_POLICY_CHARS) {
      chunks.push([]);
      size = empty;
    }
    chunks[chunks.length - 1]!.push(name);
    size += cost;
  }
  return chunks;
}

/**
 * `STACK.KEY.eks-access` (`-N` for the Nth policy): the stack's name has no dot and the suffix has
 * none, so names cannot collide across stacks, principals or parts. Over IAM's 128 characters the
 * key is shortened and a hash of the full name keeps it unique.
 */
export function policyName(stackName: string, principalKey: string, part: number): string {
  const suffix = part === 1 ? "eks-access" : `eks-access-${part}`;
  const full = `${stackName}.${principalKey}.${suffix}`;
  if (full.length <= 128) return full;
  const hash = createHash("sha256").update(full).digest("hex").slice(0, 10);
  const room = 128 - stackName.length - suffix.length - hash.length - 3;
  return `${stackName}.${principalKey.slice(0, room)}-${hash}.${suffix}`;
}
