import { Testing } from "cdktf";
import { JumphostStack } from "../src/jumphost-stack";
import {
  AwsProvider,
  DataAwsCallerIdentity,
  DataAwsEksCluster,
  DataAwsIamRole,
  DataAwsPartition,
  DataAwsRegion,
  EksAccessEntry,
  EksAccessPolicyAssociation,
  IamPolicy,
  IamRolePolicyAttachment,
  IamUserPolicyAttachment,
} from "../src/provider-aws";
import { GUIDE_CONFIG, blocks, oneCluster, synthJson, synthStack } from "./helpers/synth";

const { name: guideStackName, ...guideStack } = GUIDE_CONFIG.stacks[0]!;

describe("JumphostStack with the guide's setup", () => {
  const synth = synthStack(guideStack, guideStackName);
  const json = JSON.parse(synth);

  it("configures the AWS provider with the configured region, pinned to 6.25.0", () => {
    expect(synth).toHaveProviderWithProperties(AwsProvider, { region: "us-east-1" });
    expect(json.terraform.required_providers.aws).toEqual({ source: "aws", version: "6.25.0" });
  });

  it("reads the guide's shared data sources, using aws_region's region attribute, not the deprecated name", () => {
    expect(synth).toHaveDataSource(DataAwsPartition);
    expect(synth).toHaveDataSource(DataAwsRegion);
    expect(synth).toHaveDataSource(DataAwsCallerIdentity);
    expect(synth).toContain("data.aws_region.current.region");
    expect(synth).not.toContain("data.aws_region.current.name");
  });

  it("looks up the role so the entry gets its path-qualified ARN", () => {
    expect(synth).toHaveDataSourceWithProperties(DataAwsIamRole, { name: "jumphost" });
    expect(synth).toHaveResourceWithProperties(EksAccessEntry, {
      cluster_name: "my-eks-cluster",
      principal_arn: "${data.aws_iam_role.role-jumphost.arn}",
      type: "STANDARD",
    });
  });

  it.each(["AmazonEKSViewPolicy", "AmazonEKSAdminViewPolicy"])(
    "associates %s at cluster scope, through the entry, with a partition-aware ARN",
    (policy) => {
      expect(synth).toHaveResourceWithProperties(EksAccessPolicyAssociation, {
        cluster_name: "my-eks-cluster",
        principal_arn: "${aws_eks_access_entry.my-eks-cluster__role-jumphost.principal_arn}",
        policy_arn: `arn:\${data.aws_partition.current.partition}:eks::aws:cluster-access-policy/${policy}`,
        access_scope: { type: "cluster" },
      });
    },
  );

  it("grants DescribeCluster on the cluster's ARN and ListAssociatedAccessPolicies on its access entries only", () => {
    const arn = "arn:${data.aws_partition.current.partition}:eks:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}";
    expect(synth).toHaveResourceWithProperties(IamPolicy, {
      name: "jumphost-access.role-jumphost.eks-access",
      policy:
        `\${jsonencode({"Version" = "2012-10-17", "Statement" = [` +
        `{"Sid" = "DescribeClusterAccess", "Effect" = "Allow", "Action" = "eks:DescribeCluster", "Resource" = ["${arn}:cluster/my-eks-cluster"]}, ` +
        `{"Sid" = "ListAssociatedAccessPolicies", "Effect" = "Allow", "Action" = "eks:ListAssociatedAccessPolicies", "Resource" = ["${arn}:access-entry/my-eks-cluster/*"]}]})}`,
    });
    for (const resources of String(JSON.parse(synth).resource.aws_iam_policy["role-jumphost__1"].policy).matchAll(/"Resource" = (\[[^\]]*\]|"[^"]*")/g)) {
      expect(resources[1]).not.toMatch(/"\*"/);
    }
    expect(synth).toHaveResourceWithProperties(IamRolePolicyAttachment, {
      role: "${data.aws_iam_role.role-jumphost.name}",
      policy_arn: "${aws_iam_policy.role-jumphost__1.arn}",
    });
  });

  it("checks at plan time that the cluster allows access entries", () => {
    expect(synth).toHaveDataSourceWithProperties(DataAwsEksCluster, {
      name: "my-eks-cluster",
      lifecycle: {
        postcondition: [
          {
            condition: '${contains(["API", "API_AND_CONFIG_MAP"], self.access_config[0].authentication_mode)}',
            error_message:
              "EKS cluster my-eks-cluster uses authentication mode CONFIG_MAP, which does not allow access entries. Switch it (no downtime; it cannot go back to CONFIG_MAP) with credentials of the cluster's account: aws eks update-cluster-config --region us-east-1 --name my-eks-cluster --access-config authenticationMode=API_AND_CONFIG_MAP",
          },
        ],
      },
    });
  });

  it("outputs the entry ARN, the policy ARNs and the update-kubeconfig command", () => {
    expect(json.output).toEqual({
      "my-eks-cluster__role-jumphost__access_entry_arn": {
        description: "ARN of the access entry",
        value: "${aws_eks_access_entry.my-eks-cluster__role-jumphost.access_entry_arn}",
      },
      "my-eks-cluster__role-jumphost__access_policy_arns": {
        description: "EKS access policies associated with the entry",
        value: [
          "${aws_eks_access_policy_association.my-eks-cluster__role-jumphost__AmazonEKSViewPolicy.policy_arn}",
          "${aws_eks_access_policy_association.my-eks-cluster__role-jumphost__AmazonEKSAdminViewPolicy.policy_arn}",
        ],
      },
      "my-eks-cluster__role-jumphost__update_kubeconfig": {
        description: "Run on the jumphost to point kubectl at the cluster",
        value: "aws eks update-kubeconfig --region ${data.aws_region.current.region} --name my-eks-cluster",
      },
    });
  });

  it("requires the Terraform version its features need", () => {
    expect(json.terraform.required_version).toBe(">= 1.2");
  });

  it("keeps local state at a relative path and never hard-codes the aws partition", () => {
    expect(json.terraform.backend).toEqual({ local: { path: "terraform.jumphost-access.tfstate" } });
    expect(synth).not.toContain("arn:aws:");
    expect(synth).not.toContain(process.cwd());
  });

  it("creates nothing but the guide's resources", () => {
    expect(Object.keys(json.resource).sort()).toEqual([
      "aws_eks_access_entry",
      "aws_eks_access_policy_association",
      "aws_iam_policy",
      "aws_iam_role_policy_attachment",
    ]);
    expect(Object.keys(json.data).sort()).toEqual([
      "aws_caller_identity",
      "aws_eks_cluster",
      "aws_iam_role",
      "aws_partition",
      "aws_region",
    ]);
  });
});

describe("JumphostStack options", () => {
  it("leaves the region to the provider's default when none is configured", () => {
    const json = synthJson({ clusters: oneCluster([{ roleName: "jumphost" }]).clusters });
    expect(json.provider!.aws).toEqual([{}]);
  });

  it("puts stack tags in the provider's default_tags and assumes the configured role", () => {
    const synth = synthStack({
      ...oneCluster([{ roleName: "jumphost" }]),
      tags: { team: "platform" },
      assumeRoleArn: "arn:aws:iam::111122223333:role/terraform",
    });
    expect(synth).toHaveProviderWithProperties(AwsProvider, {
      default_tags: [{ tags: { team: "platform" } }],
      assume_role: [{ role_arn: "arn:aws:iam::111122223333:role/terraform" }],
    });
  });

  it("omits the authentication mode check when checkAuthenticationMode is false", () => {
    const synth = synthStack(oneCluster([{ roleName: "jumphost" }], { checkAuthenticationMode: false }));
    expect(synth).not.toHaveDataSource(DataAwsEksCluster);
  });

  it("uses a roleArn as written, path included, and checks the looked-up role is that role", () => {
    const roleArn = "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123";
    const synth = synthStack(oneCluster([{ roleArn }]));
    expect(synth).toHaveResourceWithProperties(EksAccessEntry, { principal_arn: roleArn });
    expect(synth).toHaveDataSourceWithProperties(DataAwsIamRole, {
      name: "AWSReservedSSO_Admin_0123",
      lifecycle: { postcondition: [expect.objectContaining({ condition: `\${lower(self.arn) == "${roleArn.toLowerCase()}"}` })] },
    });
  });

  it("attaches a userArn's policy to the user, after checking at plan time that the stack is in the user's account", () => {
    const userArn = "arn:aws-cn:iam::111122223333:user/ops/alice";
    const synth = synthStack(oneCluster([{ userArn }]));
    expect(synth).toHaveResourceWithProperties(EksAccessEntry, { principal_arn: userArn });
    expect(synth).toHaveResourceWithProperties(IamUserPolicyAttachment, {
      user: "alice",
      lifecycle: {
        precondition: [
          {
            condition: '${(data.aws_caller_identity.current.account_id == "111122223333")}',
            error_message:
              'IAM user alice is in account 111122223333, but this stack\'s IAM policies are created in another account. Set "describeClusterPolicy": false for it, or move it to a stack of account 111122223333.',
          },
        ],
      },
    });
    expect(synth).not.toHaveDataSource(DataAwsIamRole);
  });

  it("says which region to switch in the authentication-mode message, or leaves it to fill in", () => {
    const synth = synthStack({ clusters: oneCluster([{ roleName: "jumphost" }]).clusters });
    expect(synth).toHaveDataSourceWithProperties(DataAwsEksCluster, {
      lifecycle: { postcondition: [expect.objectContaining({ error_message: expect.stringContaining("aws eks update-cluster-config --region REGION --name my-eks-cluster") })] },
    });
  });

  it.each<[string, Parameters<typeof synthJson>[0], string]>([
    ["S3 native locking", { ...oneCluster([{ roleName: "r" }]), backend: { s3: { bucket: "b" } } }, ">= 1.11"],
    ["S3 without native locking", { ...oneCluster([{ roleName: "r" }]), backend: { s3: { bucket: "b", useLockfile: false } } }, ">= 1.2"],
    ["import blocks with expression ids", oneCluster([{ roleName: "r", adopt: true }]), ">= 1.6"],
    ["lifecycle conditions only", oneCluster([{ roleName: "r" }]), ">= 1.2"],
  ])("requires Terraform %s: %s", (_case, config, version) => {
    expect(synthJson(config).terraform!.required_version).toBe(version);
  });

  it("gives node entries no IAM policy by default", () => {
    const synth = synthStack(oneCluster([{ roleName: "nodes", type: "EC2_LINUX" }]));
    expect(synth).toHaveResourceWithProperties(EksAccessEntry, { type: "EC2_LINUX" });
    expect(synth).not.toHaveResource(IamPolicy);
  });

  it("creates no IAM policy when describeClusterPolicy is false, and no role lookup for a roleArn", () => {
    const synth = synthStack(oneCluster([{ roleArn: "arn:aws:iam::111122223333:role/x", describeClusterPolicy: false }]));
    expect(synth).not.toHaveResource(IamPolicy);
    expect(synth).not.toHaveDataSource(DataAwsIamRole);
  });

  it("gives one policy per principal per stack, listing all its clusters", () => {
    const json = synthJson({
      region: "eu-west-1",
      clusters: ["a", "b", "c"].map((name) => ({ name, principals: [{ roleName: "jumphost" }] })),
    });
    const policies = blocks(json, "resource", "aws_iam_policy");
    expect(Object.keys(policies)).toEqual(["role-jumphost__1"]);
    for (const cluster of ["a", "b", "c"]) expect(policies["role-jumphost__1"]!.policy).toContain(`:cluster/${cluster}"`);
    expect(Object.keys(blocks(json, "data", "aws_iam_role"))).toEqual(["role-jumphost"]);
  });

  it.each([
    [{ local: {} }, { local: { path: "terraform.test-stack.tfstate" } }],
    [{ local: { path: "state/test.tfstate" } }, { local: { path: "state/test.tfstate" } }],
    [{ s3: { bucket: "tf-state" } }, { s3: { bucket: "tf-state", key: "test-stack/terraform.tfstate", region: "us-east-1", encrypt: true, use_lockfile: true } }],
    [
      { s3: { bucket: "tf-state", key: "k", region: "eu-west-1", useLockfile: false, encrypt: false } },
      // No use_lockfile at all: Terraform before 1.10 refuses the argument even when false.
      { s3: { bucket: "tf-state", key: "k", region: "eu-west-1", encrypt: false } },
    ],
  ])("backend %j", (backend, expected) => {
    const json = synthJson({ ...oneCluster([{ roleName: "jumphost" }]), backend } as never);
    expect(json.terraform!.backend).toEqual(expected);
  });

  it("writes an HCP Terraform cloud block", () => {
    const json = synthJson({
      ...oneCluster([{ roleName: "jumphost" }]),
      backend: { cloud: { organization: "acme", workspace: "eks-access", hostname: "tfe.example.com" } },
    });
    expect(json.terraform!.cloud).toEqual({ organization: "acme", hostname: "tfe.example.com", workspaces: { name: "eks-access" } });
    expect(json.terraform!.backend).toBeUndefined();
  });

  it("gives every data source and resource a valid Terraform name, whatever characters IAM allows in the role name", () => {
    const json = synthJson(oneCluster([{ roleName: "jumphost.prod@ops+1=a,b", accessPolicies: [{ policy: "AmazonEKSViewPolicy" }] }]));
    const names = [json.data, json.resource].flatMap((blocksByType) => Object.values(blocksByType ?? {}).flatMap((byName) => Object.keys(byName)));
    expect(names).toContain("role-jumphost_2eprod_40ops_2b1_3da_2cb");
    for (const name of names) expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
    expect(blocks(json, "data", "aws_iam_role")["role-jumphost_2eprod_40ops_2b1_3da_2cb"]).toEqual({ name: "jumphost.prod@ops+1=a,b" });
  });

  it("passes cdktf's own validations", () => {
    const stack = new JumphostStack(Testing.app(), "s", oneCluster([{ roleName: "jumphost" }]));
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});
