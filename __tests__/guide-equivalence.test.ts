// The guide's HCL (Steps 2 and 3), parsed, against the synthesized default config: every block of
// the guide has its counterpart with the same values once the guide's variables take the config's
// values and the deliberate differences below are applied. The README lists the same differences.
import { parse } from "@cdktf/hcl2json";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Block, TerraformJson } from "./helpers/synth";
import { GUIDE_CONFIG, blocks, synthJson } from "./helpers/synth";

const { name, ...stack } = GUIDE_CONFIG.stacks[0]!;
const ours = synthJson(stack, name);

/** The guide's variables, as the default config sets them. */
const VARIABLES: Record<string, string> = {
  "${var.jumphost_role_name}": "jumphost",
  "${var.eks_cluster_name}": "my-eks-cluster",
  "${var.cluster_name}": "my-eks-cluster",
  "${var.account_id}": "${data.aws_caller_identity.current.account_id}",
};

/** Guide address -> our address: ours come from names the user chose (cluster, role, policy). */
const ADDRESSES: Record<string, string> = {
  "data.aws_iam_role.jumphost": "data.aws_iam_role.role-jumphost",
  "data.aws_region.current": "data.aws_region.current",
  "data.aws_caller_identity.current": "data.aws_caller_identity.current",
  "aws_iam_policy.eks_describe_cluster": "aws_iam_policy.role-jumphost__1",
  "aws_iam_role_policy_attachment.jumphost_describe_cluster": "aws_iam_role_policy_attachment.role-jumphost__1",
  "aws_eks_access_entry.jumphost": "aws_eks_access_entry.my-eks-cluster__role-jumphost",
  "aws_eks_access_policy_association.view": "aws_eks_access_policy_association.my-eks-cluster__role-jumphost__AmazonEKSViewPolicy",
  "aws_eks_access_policy_association.admin_view": "aws_eks_access_policy_association.my-eks-cluster__role-jumphost__AmazonEKSAdminViewPolicy",
};

/** A guide policy statement, read from its jsonencode() expression. */
interface Statement {
  Sid: string;
  Effect: string;
  Action: string;
  Resource: string[];
}

/** Each deliberate difference: what it fixes, and how it turns the guide's value into ours. */
const DIFFERENCES: Array<{ why: string; address: string; attribute: string; apply: (value: unknown) => unknown }> = [
  {
    why: "principal ARN from data.aws_iam_role (keeps the role's path; built by hand it fails for SSO roles and other partitions)",
    address: "aws_eks_access_entry.jumphost",
    attribute: "principal_arn",
    apply: () => "${data.aws_iam_role.role-jumphost.arn}",
  },
  {
    why: "entry type written out (STANDARD, the provider's default)",
    address: "aws_eks_access_entry.jumphost",
    attribute: "type",
    apply: () => "STANDARD",
  },
  ...["view", "admin_view"].flatMap((association) => [
    {
      why: "required access_scope block, cluster scope as the guide means it",
      address: `aws_eks_access_policy_association.${association}`,
      attribute: "access_scope",
      apply: () => ({ type: "cluster" }),
    },
    {
      why: "policy ARN built with data.aws_partition instead of a hard-coded arn:aws:",
      address: `aws_eks_access_policy_association.${association}`,
      attribute: "policy_arn",
      apply: (value: unknown) => String(value).replace("arn:aws:", "arn:${data.aws_partition.current.partition}:"),
    },
  ]),
  {
    why: "policy name unique per stack and principal, so stacks sharing an account do not collide",
    address: "aws_iam_policy.eks_describe_cluster",
    attribute: "name",
    apply: () => "jumphost-access.role-jumphost.eks-access",
  },
  {
    why: "policy description added",
    address: "aws_iam_policy.eks_describe_cluster",
    attribute: "description",
    apply: () => 'eks:DescribeCluster and eks:ListAssociatedAccessPolicies for roleName "jumphost" (stack jumphost-access)',
  },
  {
    why: "DescribeCluster ARN with partition and aws_region's region (name is deprecated); ListAssociatedAccessPolicies on the cluster's access entries, not \"*\"",
    address: "aws_iam_policy.eks_describe_cluster",
    attribute: "policy",
    apply: (value: unknown) =>
      (value as Statement[]).map((statement) => ({
        ...statement,
        Resource: statement.Resource.map((resource) =>
          resource === "*"
            ? "arn:${data.aws_partition.current.partition}:eks:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:access-entry/my-eks-cluster/*"
            : resource.replace("arn:aws:", "arn:${data.aws_partition.current.partition}:").replace("data.aws_region.current.name", "data.aws_region.current.region"),
        ),
      })),
  },
  {
    why: "attachment references our policy and role addresses",
    address: "aws_iam_role_policy_attachment.jumphost_describe_cluster",
    attribute: "policy_arn",
    apply: () => "${aws_iam_policy.role-jumphost__1.arn}",
  },
  {
    why: "attachment references our policy and role addresses",
    address: "aws_iam_role_policy_attachment.jumphost_describe_cluster",
    attribute: "role",
    apply: () => "${data.aws_iam_role.role-jumphost.name}",
  },
  ...["view", "admin_view"].map((association) => ({
    why: "association takes principal_arn from our entry's address",
    address: `aws_eks_access_policy_association.${association}`,
    attribute: "principal_arn",
    apply: () => "${aws_eks_access_entry.my-eks-cluster__role-jumphost.principal_arn}",
  })),
];

/** Blocks that we add and the guide has not, with the reason. */
const ADDITIONS: Record<string, string> = {
  "data.aws_partition.current": "partition for every ARN",
  "data.aws_eks_cluster.my-eks-cluster": "plan-time check of the cluster's authentication mode",
};

/** Actions and Resources of a jsonencode() policy, as the guide or cdktf writes it. */
function statements(expression: string): Statement[] {
  const field = (name: string) => `"?${name}"?\\s*=\\s*`;
  const pattern = new RegExp(
    `${field("Sid")}"([^"]+)",?\\s*${field("Effect")}"([^"]+)",?\\s*${field("Action")}\\[?"([^"]+)"\\]?,?\\s*${field("Resource")}(\\[[^\\]]*\\]|"[^"]*")`,
    "g",
  );
  return [...expression.matchAll(pattern)].map(([, Sid, Effect, Action, resources]) => ({
    Sid: Sid!,
    Effect: Effect!,
    Action: Action!,
    // One resource may be written as a string or a one-item list: the same to IAM.
    Resource: resources!.startsWith("[") ? [...resources!.matchAll(/"([^"]*)"/g)].map((r) => r[1]!) : [resources!.slice(1, -1)],
  }));
}

function substitute(value: unknown): unknown {
  if (typeof value === "string") return Object.entries(VARIABLES).reduce((text, [from, to]) => text.split(from).join(to), value);
  if (Array.isArray(value)) return value.map(substitute);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v)]));
  return value;
}

function guideBlocks(guide: Record<string, Record<string, Record<string, Block[]>>>): Map<string, Block> {
  const out = new Map<string, Block>();
  for (const kind of ["data", "resource"]) {
    for (const [type, byName] of Object.entries(guide[kind] ?? {})) {
      for (const [blockName, [body]] of Object.entries(byName)) out.set(`${kind === "data" ? "data." : ""}${type}.${blockName}`, substitute(body) as Block);
    }
  }
  return out;
}

function ourBlock(address: string): Block | undefined {
  const [kind, type, blockName] = address.startsWith("data.") ? ["data", ...address.slice(5).split(".")] : ["resource", ...address.split(".")];
  return blocks(ours as TerraformJson, kind as "data" | "resource", type!)[blockName!];
}

describe("equivalence with the guide's HCL", () => {
  let guide: Map<string, Block>;
  beforeAll(async () => {
    const text = readFileSync(join(__dirname, "fixtures", "guide.tf"), "utf8");
    guide = guideBlocks(await parse("guide.tf", text));
  });

  it("maps every data source and resource of the guide", () => {
    expect([...guide.keys()].sort()).toEqual(Object.keys(ADDRESSES).sort());
  });

  it.each(Object.entries(ADDRESSES))("%s has its counterpart %s with the same values", (guideAddress, ourAddress) => {
    const expected: Block = { ...guide.get(guideAddress)! };
    if (typeof expected.policy === "string") expected.policy = statements(expected.policy);
    for (const difference of DIFFERENCES.filter((d) => d.address === guideAddress)) {
      expected[difference.attribute] = difference.apply(expected[difference.attribute]);
    }
    const actual: Block = { ...ourBlock(ourAddress)! };
    if (typeof actual.policy === "string") actual.policy = statements(actual.policy);
    expect(actual).toEqual(expected);
  });

  it("adds only the listed blocks", () => {
    const all = (json: TerraformJson) =>
      (["data", "resource"] as const).flatMap((kind) =>
        Object.entries(json[kind] ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${kind === "data" ? "data." : ""}${type}.${n}`)),
      );
    const extra = all(ours).filter((address) => !Object.values(ADDRESSES).includes(address));
    expect(extra.sort()).toEqual(Object.keys(ADDITIONS).sort());
  });

  it("reads both statements of each policy", () => {
    expect(statements(String(guide.get("aws_iam_policy.eks_describe_cluster")!.policy)).map((s) => s.Action)).toEqual(["eks:DescribeCluster", "eks:ListAssociatedAccessPolicies"]);
    expect(statements(String(ourBlock("aws_iam_policy.role-jumphost__1")!.policy)).map((s) => s.Action)).toEqual(["eks:DescribeCluster", "eks:ListAssociatedAccessPolicies"]);
  });
});
