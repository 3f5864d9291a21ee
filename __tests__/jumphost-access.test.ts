import { Testing, TerraformStack } from "cdktf";
import { AccessPolicy, AccessScopeType } from "../src/access-policy";
import { AccessEntryType } from "../src/access-entry-type";
import { JumphostAccess, type JumphostAccessProps } from "../src/jumphost-access";
import { AwsProvider, EksAccessEntry, EksAccessPolicyAssociation } from "../src/provider-aws";

const environment = { partition: "${data.aws_partition.current.partition}", region: "${data.aws_region.current.region}" };
const base: JumphostAccessProps = {
  clusterName: "prod",
  principalArn: "arn:aws:iam::111122223333:role/ops/jumphost",
  principalKey: "role-jumphost",
  environment,
};

function synth(props: Partial<JumphostAccessProps>): string {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", {});
  new JumphostAccess(stack, "access", { ...base, ...props });
  return Testing.synth(stack, true);
}

function build(props: Partial<JumphostAccessProps>): void {
  new JumphostAccess(new TerraformStack(Testing.app(), "test"), "access", { ...base, ...props });
}

describe("JumphostAccess", () => {
  it("defaults to a STANDARD entry with no groups, username, tags or associations", () => {
    const synthesized = synth({});
    expect(synthesized).toHaveResourceWithProperties(EksAccessEntry, { cluster_name: "prod", principal_arn: base.principalArn, type: "STANDARD" });
    const entry = JSON.parse(synthesized).resource.aws_eks_access_entry["prod__role-jumphost"];
    expect(entry.kubernetes_groups).toBeUndefined();
    expect(entry.user_name).toBeUndefined();
    expect(entry.tags).toBeUndefined();
    expect(synthesized).not.toHaveResource(EksAccessPolicyAssociation);
  });

  it("scopes a policy to namespaces when they are given, and to the cluster otherwise", () => {
    const synthesized = synth({
      accessPolicies: [{ policy: AccessPolicy.VIEW, namespaces: ["team-a", "dev-*"] }, { policy: AccessPolicy.ADMIN_VIEW }],
    });
    expect(synthesized).toHaveResourceWithProperties(EksAccessPolicyAssociation, {
      policy_arn: "arn:${data.aws_partition.current.partition}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
      access_scope: { type: AccessScopeType.NAMESPACE, namespaces: ["team-a", "dev-*"] },
    });
    expect(synthesized).toHaveResourceWithProperties(EksAccessPolicyAssociation, {
      policy_arn: "arn:${data.aws_partition.current.partition}:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy",
      access_scope: { type: AccessScopeType.CLUSTER },
    });
    expect(synthesized).not.toHaveResourceWithProperties(EksAccessPolicyAssociation, { access_scope: { type: AccessScopeType.CLUSTER, namespaces: ["team-a", "dev-*"] } });
  });

  it("passes groups, username and tags to the entry", () => {
    expect(synth({ kubernetesGroups: ["viewers"], userName: "ops:{{SessionName}}", tags: { team: "a" } })).toHaveResourceWithProperties(EksAccessEntry, {
      kubernetes_groups: ["viewers"],
      user_name: "ops:{{SessionName}}",
      tags: { team: "a" },
    });
  });

  it.each(Object.values(AccessEntryType))("writes entry type %s", (type) => {
    expect(synth({ type })).toHaveResourceWithProperties(EksAccessEntry, { type });
  });

  it("does not keep the caller's arrays", () => {
    const namespaces = ["team-a"];
    const groups = ["viewers"];
    const stack = new TerraformStack(Testing.app(), "test");
    new JumphostAccess(stack, "access", { ...base, kubernetesGroups: groups, accessPolicies: [{ policy: AccessPolicy.VIEW, namespaces }] });
    namespaces.push("team-b");
    groups.push("admins");
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource.aws_eks_access_entry["prod__role-jumphost"].kubernetes_groups).toEqual(["viewers"]);
    expect(json.resource.aws_eks_access_policy_association["prod__role-jumphost__AmazonEKSViewPolicy"].access_scope.namespaces).toEqual(["team-a"]);
  });

  it("imports the existing entry and associations when adopting", () => {
    const json = JSON.parse(synth({ adopt: true, accessPolicies: [{ policy: AccessPolicy.VIEW }] }));
    expect(json.import).toEqual([
      { to: "aws_eks_access_entry.prod__role-jumphost", id: `prod:${base.principalArn}` },
      {
        to: "aws_eks_access_policy_association.prod__role-jumphost__AmazonEKSViewPolicy",
        id: `prod#${base.principalArn}#arn:\${data.aws_partition.current.partition}:eks::aws:cluster-access-policy/AmazonEKSViewPolicy`,
      },
    ]);
  });

  it("writes no import blocks by default", () => {
    expect(JSON.parse(synth({ accessPolicies: [{ policy: AccessPolicy.VIEW }] })).import).toBeUndefined();
  });

  it.each<[string, Partial<JumphostAccessProps>, string]>([
    ["an admin policy without allowAdmin", { accessPolicies: [{ policy: AccessPolicy.EDIT }] }, "accessPolicies[0]: AmazonEKSEditPolicy allows writes, exec and Secrets; set allowAdmin to grant it"],
    ["a policy of unknown name without allowAdmin", { accessPolicies: [{ policy: AccessPolicy.of("AmazonEKSFuturePolicy") }] }, "accessPolicies[0]: AmazonEKSFuturePolicy allows writes, exec and Secrets; set allowAdmin to grant it"],
    ["policies on a node entry", { type: AccessEntryType.EC2_LINUX, accessPolicies: [{ policy: AccessPolicy.VIEW }] }, "accessPolicies: only STANDARD entries may have it; this entry is EC2_LINUX"],
    ["empty namespaces", { accessPolicies: [{ policy: AccessPolicy.VIEW, namespaces: [] }] }, "accessPolicies[0].namespaces: is empty; omit it for cluster scope"],
    ["a system: group", { kubernetesGroups: ["system:masters"] }, 'kubernetesGroups[0]: "system:masters" is not valid'],
    ["a reserved username", { userName: "eks:admin" }, 'userName: "eks:admin" is not valid'],
    ["a bad cluster name", { clusterName: "-prod" }, 'clusterName: "-prod" is not valid'],
  ])("rejects %s", (_case, props, message) => {
    expect(() => build(props)).toThrow(message);
  });

  it("accepts an admin policy with allowAdmin", () => {
    expect(synth({ allowAdmin: true, accessPolicies: [{ policy: AccessPolicy.CLUSTER_ADMIN }] })).toHaveResourceWithProperties(EksAccessPolicyAssociation, {
      policy_arn: "arn:${data.aws_partition.current.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
    });
  });
});
