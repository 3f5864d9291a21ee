import { migrate, type Decision } from "../src/aws-auth/migrate";
import { parseAwsAuth } from "../src/aws-auth/parse";
import { readFixture } from "./helpers/aws-auth-fixtures";

const ACCOUNT = "111122223333";
const migrateFixture = (name: string, nodeEntries = false) => migrate(readFixture(name), { account: ACCOUNT, nodeEntries });
const migrateRoles = (mapRoles: string) => migrate(parseAwsAuth(`mapRoles: |\n${indent(mapRoles)}`, "aws-auth.yaml"), { account: ACCOUNT });
const notes = (decision: Decision) => decision.notes.map((note) => `${note.level}: ${note.text}`);

function indent(text: string): string {
  return text.split("\n").map((line) => `  ${line}`).join("\n");
}

describe("migrate", () => {
  test("system:masters becomes AmazonEKSClusterAdminPolicy with allowAdmin, other groups kept", () => {
    const [admin] = migrateRoles("- rolearn: arn:aws:iam::111122223333:role/ops\n  username: ops\n  groups: [system:masters, operators, system:authenticated]");
    expect(admin.principal).toEqual({
      roleName: "ops",
      kubernetesGroups: ["operators"],
      userName: "ops",
      allowAdmin: true,
      accessPolicies: [{ policy: "AmazonEKSClusterAdminPolicy" }],
      describeClusterPolicy: false,
    });
    expect(notes(admin)).toEqual([
      "info: group system:authenticated dropped: every signed-in user has it",
      "info: group system:masters -> AmazonEKSClusterAdminPolicy at cluster scope, with allowAdmin (access entries refuse system: groups)",
      'info: groups "operators" kept alongside the policy (eksctl\'s migrate drops them)',
      'info: username "ops" kept',
    ]);
  });

  test("same-account roles become roleName principals; users keep their ARN with its path", () => {
    const decisions = migrateFixture("module-generated.yaml");
    expect(decisions.flatMap((d) => (d.principal ? [d.principal] : []))).toEqual([
      { roleName: "platform-admins", kubernetesGroups: ["platform-team"], userName: "platform-admin", allowAdmin: true, accessPolicies: [{ policy: "AmazonEKSClusterAdminPolicy" }], describeClusterPolicy: false },
      { roleName: "developers", kubernetesGroups: ["dev-readers"], userName: "developer", describeClusterPolicy: false },
      { userArn: "arn:aws:iam::111122223333:user/ci/deployer", userName: "deployer", allowAdmin: true, accessPolicies: [{ policy: "AmazonEKSClusterAdminPolicy" }], describeClusterPolicy: false },
    ]);
  });

  test("node roles are left in aws-auth by default, with the type they would get and what to check", () => {
    const nodes = migrateFixture("module-generated.yaml").slice(0, 3);
    expect(nodes.map((d) => d.notCarriedOver)).toEqual([
      "node role (would be type EC2_LINUX); left in aws-auth",
      "node role (would be type EC2_WINDOWS); left in aws-auth",
      "node role (would be type FARGATE_LINUX); left in aws-auth",
    ]);
    expect(notes(nodes[0])).toEqual([expect.stringMatching(/^action: EKS creates entries for managed node groups .* rerun with --node-entries$/)]);
  });

  test("with nodeEntries, node roles become typed entries without groups, username or policies", () => {
    const decisions = migrateFixture("module-generated.yaml", true);
    expect(decisions.slice(0, 3).map((d) => d.principal)).toEqual([
      { roleName: "default-eks-node-group-20240102030405060700000001", type: "EC2_LINUX", describeClusterPolicy: false },
      { roleName: "windows-eks-node-group-20240102030405060700000002", type: "EC2_WINDOWS", describeClusterPolicy: false },
      { roleName: "kube-system-20240102030405060700000003", type: "FARGATE_LINUX", describeClusterPolicy: false },
    ]);
    const hybrid = migrate(readFixture("special-roles.yaml"), { account: ACCOUNT, nodeEntries: true })[2];
    expect(hybrid.principal).toEqual({ roleName: "AmazonEKSHybridNodesRole", type: "HYBRID_LINUX", describeClusterPolicy: false });
  });

  test("a node line's extra groups are reported as dropped", () => {
    const [node] = migrateRoles("- rolearn: arn:aws:iam::111122223333:role/ng\n  username: system:node:{{EC2PrivateDNSName}}\n  groups: [system:bootstrappers, system:nodes, gpu-nodes]");
    expect(notes(node)[0]).toBe('warning: groups "gpu-nodes" dropped: typed node entries carry no groups');
  });

  test("service-linked, path-qualified and unmigratable-group entries are not carried over, with the reason", () => {
    const decisions = migrateFixture("special-roles.yaml");
    expect(decisions.map((d) => d.notCarriedOver)).toEqual([
      "service-linked roles cannot have access entries",
      'aws-auth ignores role ARNs written with a path ("teams/platform/"), so this line grants nothing today',
      "node role (would be type HYBRID_LINUX); left in aws-auth",
      'groups "system:bootstrappers" cannot be migrated (access entries refuse system: groups and no access policy replaces them)',
      undefined,
    ]);
    expect(notes(decisions[0])).toEqual(["action: keep this line in aws-auth; the cluster cannot switch to API mode while it is needed"]);
    expect(notes(decisions[3])).toEqual(["action: keep this line in aws-auth: an entry without these groups would override it and remove that access at once"]);
    expect(notes(decisions[4])[0]).toBe('info: keys "sso" ignored, as EKS does');
  });

  test("a service-linked role under aws-service-role/ is recognized by its path too", () => {
    const [role] = migrateRoles("- rolearn: arn:aws:iam::111122223333:role/aws-service-role/emr-containers.amazonaws.com/EmrRole\n  username: emr");
    expect(role.notCarriedOver).toBe("service-linked roles cannot have access entries");
  });

  test("a group name access entries refuse keeps the whole entry in aws-auth", () => {
    const [role] = migrateRoles('- rolearn: arn:aws:iam::111122223333:role/ops\n  groups: ["team a"]');
    expect(role.notCarriedOver).toMatch(/^groups "team a" cannot be migrated \(access entries refuse them: a Kubernetes group name without spaces/);
  });

  test("duplicates: the last entry wins, case-insensitively, and the shadowed one is reported", () => {
    const decisions = migrateFixture("duplicates.yaml");
    expect(decisions[0]).toMatchObject({ notCarriedOver: "the same ARN appears again at data.mapRoles entry 3 (line 19), and EKS uses the last one" });
    expect(decisions[2].principal).toMatchObject({ roleName: "OPS", userName: "ops", kubernetesGroups: ["operators"] });
    expect(notes(decisions[1])[0]).toBe('warning: key "groups" written more than once (in some letter case); the last one counts, as in EKS');
  });

  test("usernames access entries refuse are dropped with an RBAC warning; valid ones are kept", () => {
    const decisions = migrate(readFixture("sso-roles.yaml"), { account: ACCOUNT });
    expect(decisions.map((d) => d.principal?.userName)).toEqual(["sso-admin:{{SessionName}}", undefined, "auditor:{{SessionNameRaw}}", undefined, undefined, undefined]);
    expect(notes(decisions[1])).toContain(
      'action: username "{{SessionName}}" dropped: {{SessionName}} is allowed only after a colon (e.g. "ops:{{SessionName}}"); EKS generates one from the ARN. RBAC bindings that name user "{{SessionName}}" stop matching: update them before deploying, or set a valid userName',
    );
  });

  test("SSO roles of the stack's account go by name; cross-account roles keep roleArn with a path warning", () => {
    const decisions = migrate(readFixture("sso-roles.yaml"), { account: ACCOUNT });
    expect(decisions[0].principal?.roleName).toBe("AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6a7b");
    expect(notes(decisions[0])).toContain("info: SSO role: roleName lets the data source add its aws-reserved/sso.amazonaws.com/ path");
    expect(decisions[2].principal?.roleArn).toBe("arn:aws:iam::444455556666:role/AWSReservedSSO_Auditors_9f8e7d6c5b4a3f2e");
    expect(notes(decisions[2])).toContainEqual(expect.stringMatching(/^action: cross-account role .* SSO roles have a path/));
    expect(notes(decisions[3])).toContainEqual(expect.stringMatching(/^warning: cross-account role \(account 444455556666, stack account 111122223333\): roleArn kept as written/));
  });

  test("mapAccounts entries are reported as not migratable, one decision each", () => {
    const accounts = migrateFixture("users-and-accounts.yaml").slice(3);
    expect(accounts.map((d) => [d.subject, d.notCarriedOver])).toEqual([
      ["012345670123", "mapAccounts has no access-entry equivalent (today its principals sign in with their ARN as username and no groups)"],
      ["444455556666", "mapAccounts has no access-entry equivalent (today its principals sign in with their ARN as username and no groups)"],
    ]);
  });

  test("an entry without groups is noted as relying on RBAC bindings to its username", () => {
    const [role] = migrateRoles("- rolearn: arn:aws:iam::111122223333:role/ops\n  username: ops");
    expect(notes(role)).toEqual(['info: username "ops" kept', "info: no groups: the entry gives access only through RBAC bindings that name its username"]);
  });
});
