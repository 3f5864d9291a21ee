// The IAM side of jumphost access: eks:DescribeCluster (what `aws eks update-kubeconfig` needs) on
// exactly the principal's clusters, and eks:ListAssociatedAccessPolicies on those clusters' access
// entries only. One managed policy per principal per stack, split into a few when the ARNs do not
// fit one policy, so a role on many clusters stays within IAM's limits.
import { createHash } from "node:crypto";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { terraformName } from "./addresses";
import { IamPolicy, IamRolePolicyAttachment, IamUserPolicyAttachment } from "./provider-aws";

/** IAM's size limit for a managed policy document, white space not counted. */
export const MAX_POLICY_CHARS = 6144;
/** Managed policies attachable to one role or user (default quota). */
export const MAX_POLICIES_PER_PRINCIPAL = 10;
// Longest partition ("aws-us-gov") and region ("ap-southeast-5", "us-isob-east-1") values, padded:
// the real values are only known at plan time, so sizes are estimated for the worst case.
const PARTITION_CHARS = 10;
const UNKNOWN_REGION_CHARS = 20;
const ACCOUNT_CHARS = 12;
// {"Version":"2012-10-17","Statement":[{"Sid":"DescribeCluster","Effect":"Allow","Action":"eks:DescribeCluster","Resource":[]},
//  {"Sid":"ListAssociatedAccessPolicies","Effect":"Allow","Action":"eks:ListAssociatedAccessPolicies","Resource":[]}]}
const DOCUMENT_OVERHEAD = 230;

export interface DescribeClusterPolicyProps {
  /** Stack name: keeps policy names unique when several stacks share an account. */
  readonly stackName: string;
  /** Stable, unique key of the principal (see principalKey). */
  readonly principalKey: string;
  /** For messages, e.g. `roleName "jumphost"`. */
  readonly principalLabel: string;
  /** Role or user name the policies are attached to (a data source's `name` or a literal). */
  readonly attachTo: { readonly role: string } | { readonly user: string };
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
    const chunks = splitClusters(props.clusterNames, props.knownRegion?.length ?? UNKNOWN_REGION_CHARS);
    if (chunks.length > MAX_POLICIES_PER_PRINCIPAL) {
      throw new Error(
        `stack ${JSON.stringify(props.stackName)}: ${props.principalLabel} is on ${props.clusterNames.length} clusters; ` +
          `their eks:DescribeCluster and eks:ListAssociatedAccessPolicies rights need ${chunks.length} IAM policies of at most ` +
          `${MAX_POLICY_CHARS} characters, and IAM attaches at most ${MAX_POLICIES_PER_PRINCIPAL} managed policies to one principal. ` +
          `Split its clusters across stacks, or set "describeClusterPolicy": false on some of them and grant it otherwise.`,
      );
    }
    const arn = (resource: string) =>
      `arn:${props.partition}:eks:${props.region}:${props.accountId}:${resource}`;
    chunks.forEach((clusters, i) => {
      const part = String(i + 1);
      const policy = new IamPolicy(this, `policy-${part}`, {
        name: policyName(props.stackName, props.principalKey, i + 1),
        description: `eks:DescribeCluster and eks:ListAssociatedAccessPolicies for ${props.principalLabel} (stack ${props.stackName})`,
        policy: Fn.jsonencode({
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "DescribeCluster",
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
        }),
      });
      policy.overrideLogicalId(terraformName(props.principalKey, part));
      this.policies.push(policy);
      const attachment =
        "role" in props.attachTo
          ? new IamRolePolicyAttachment(this, `attachment-${part}`, { role: props.attachTo.role, policyArn: policy.arn })
          : new IamUserPolicyAttachment(this, `attachment-${part}`, { user: props.attachTo.user, policyArn: policy.arn });
      attachment.overrideLogicalId(terraformName(props.principalKey, part));
    });
  }
}

/** Groups cluster names, in order, into as few policies as fit MAX_POLICY_CHARS each. */
export function splitClusters(clusterNames: readonly string[], regionChars: number): string[][] {
  // "arn:" P ":eks:" R ":" A ":" ... with quotes and a comma, for both ARNs of a cluster.
  const arnChars = 4 + PARTITION_CHARS + 5 + regionChars + 1 + ACCOUNT_CHARS + 1 + 3;
  const chunks: string[][] = [];
  let size = DOCUMENT_OVERHEAD;
  for (const name of clusterNames) {
    const cost = 2 * arnChars + "cluster/".length + "access-entry//*".length + 2 * name.length;
    if (chunks.length === 0 || size + cost > MAX_POLICY_CHARS) {
      chunks.push([]);
      size = DOCUMENT_OVERHEAD;
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
