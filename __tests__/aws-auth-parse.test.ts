import { readFileSync } from "node:fs";
import { AwsAuthInputError } from "../src/aws-auth/errors";
import { parseAwsAuth } from "../src/aws-auth/parse";
import { fixturePath, readFixture } from "./helpers/aws-auth-fixtures";

const parseText = (text: string) => parseAwsAuth(text, "aws-auth.yaml");

describe("parseAwsAuth", () => {
  test("reads a module-generated ConfigMap: roles, users, empty mapAccounts, file line numbers", () => {
    const data = readFixture("module-generated.yaml");
    expect(data.roles.map((role) => role.arn.name)).toEqual([
      "default-eks-node-group-20240102030405060700000001",
      "windows-eks-node-group-20240102030405060700000002",
      "kube-system-20240102030405060700000003",
      "platform-admins",
      "developers",
    ]);
    expect(data.roles[3]).toMatchObject({ username: "platform-admin", groups: ["system:masters", "platform-team"] });
    expect(data.roles[3].origin.label).toBe("data.mapRoles entry 4 (line 23)");
    expect(data.users[0]).toMatchObject({ username: "deployer", arn: { kind: "user", path: "ci", name: "deployer" } });
    expect(data.accounts).toEqual([]);
    expect(data.remarks).toEqual([]);
  });

  test.each(["yamlencode.yaml", "jsonencode.json"])("reads Terraform's %s style the same way", (name) => {
    const data = readFixture(name);
    expect(data.roles.map(({ arn, username, groups }) => ({ arn: arn.text, username, groups }))).toEqual([
      { arn: "arn:aws:iam::111122223333:role/eks-managed-ng-1", username: "system:node:{{EC2PrivateDNSName}}", groups: ["system:bootstrappers", "system:nodes"] },
      { arn: "arn:aws:iam::111122223333:role/ops", username: "ops:{{SessionName}}", groups: ["system:masters", "cluster-operators"] },
    ]);
    expect(data.users.map(({ arn, username, groups }) => ({ arn: arn.text, username, groups }))).toEqual([
      { arn: "arn:aws:iam::111122223333:user/alice", username: "alice", groups: ["viewers"] },
    ]);
  });

  test("labels entries of a JSON string by their line inside the section", () => {
    expect(readFixture("jsonencode.json").roles[1].origin.label).toBe("data.mapRoles entry 2 (line 1 of data.mapRoles)");
  });

  test("reads a bare data map", () => {
    const data = readFixture("bare-data.json");
    expect(data.roles.map((role) => role.arn.name)).toEqual(["ops"]);
    expect(data.accounts.map((entry) => entry.account)).toEqual(["111122223333"]);
  });

  test("reads entry keys case-insensitively", () => {
    const data = readFixture("sso-roles.yaml");
    expect(data.roles[0]).toMatchObject({ username: "sso-admin:{{SessionName}}", groups: ["system:masters"] });
    expect(data.roles[1].arn.name).toBe("AWSReservedSSO_ReadOnly_1a2b3c4d5e6f7a8b");
  });

  test("keeps account IDs as strings, leading zero included", () => {
    expect(readFixture("users-and-accounts.yaml").accounts.map((entry) => entry.account)).toEqual(["012345670123", "444455556666"]);
  });

  test("a key written twice in one entry: the last counts, and it is recorded", () => {
    const dev = readFixture("duplicates.yaml").roles[1];
    expect(dev.groups).toEqual(["developers", "testers"]);
    expect(dev.repeatedKeys).toEqual(["groups"]);
  });

  test("records keys EKS ignores", () => {
    expect(readFixture("special-roles.yaml").roles[4].ignoredKeys).toEqual(["sso"]);
  });

  test("remarks on a ConfigMap with another name or namespace, and on extra data keys", () => {
    const data = parseText("kind: ConfigMap\nmetadata:\n  name: auth\n  namespace: default\ndata:\n  maproles: x\n  mapUsers: '[]'\n");
    expect(data.remarks).toEqual([
      'The ConfigMap is named "auth", not "aws-auth"; read anyway.',
      'The ConfigMap is in namespace "default"; EKS reads only kube-system/aws-auth. Read anyway.',
      "data.maproles: not an aws-auth key; ignored (did you mean mapRoles? the data keys are case-sensitive).",
    ]);
  });

  test("accepts a bare data map whose section is a list, with a remark", () => {
    const data = parseText("mapRoles:\n  - rolearn: arn:aws:iam::111122223333:role/ops\n    username: ops\n");
    expect(data.roles[0].origin.label).toBe("data.mapRoles entry 1 (line 2)");
    expect(data.remarks).toEqual(["data.mapRoles is a list, not a string; a ConfigMap needs a string there. Read anyway."]);
  });

  test("reads an empty groups key and an empty section as nothing", () => {
    const data = parseText('mapRoles: "- rolearn: arn:aws:iam::111122223333:role/ops\\n  groups:\\n"\nmapUsers: ""\n');
    expect(data.roles[0].groups).toEqual([]);
    expect(data.users).toEqual([]);
  });

  test.each([
    ["bad-file-yaml.yaml", "bad-file-yaml.yaml: line 9, column 1 of the file: A block sequence may not be used as an implicit map key."],
    [
      "bad-section-yaml.yaml",
      "bad-section-yaml.yaml: data.mapRoles is not valid YAML or JSON, so EKS ignores the whole section: line 6, column 13 of data.mapRoles (line 13 of the file): Nested mappings are not allowed in compact mappings.",
    ],
    [
      "no-aws-auth-data.yaml",
      'no-aws-auth-data.yaml: no aws-auth data: expected data.mapRoles, data.mapUsers or data.mapAccounts (the keys are case-sensitive); found "Corefile".',
    ],
    [
      "missing-rolearn.yaml",
      'missing-rolearn.yaml: data.mapRoles entry 2 (line 12): no rolearn key (found "role_arn", "username", "groups"), so EKS ignores this entry. Did you mean "rolearn" instead of "role_arn"?',
    ],
    [
      "bad-arn.yaml",
      'bad-arn.yaml: data.mapRoles entry 1 (line 8): rolearn "arn:aws:sts::111122223333:assumed-role/ops/alice" is a session ARN; use the role\'s ARN, arn:aws:iam::111122223333:role/ops.',
    ],
    ["user-in-maproles.yaml", "user-in-maproles.yaml: data.mapRoles entry 1 (line 8): has userarn but no rolearn; users go in mapUsers."],
    [
      "short-account.yaml",
      'short-account.yaml: data.mapRoles entry 1 (line 8): rolearn "arn:aws:iam::11112222333:role/ops" is not an IAM role ARN (expected arn:PARTITION:iam::ACCOUNT:role/NAME, account 12 digits).',
    ],
    ["groups-not-a-list.yaml", 'groups-not-a-list.yaml: data.mapRoles entry 1 (line 8): groups must be a list of group names; found "system:masters".'],
  ])("refuses %s", (name, message) => {
    const text = readFileSync(fixturePath(name), "utf8");
    expect(() => parseAwsAuth(text, name)).toThrow(new AwsAuthInputError(message));
  });

  test.each([
    ["a list at the top", "- a\n", "aws-auth.yaml: expected a ConfigMap or a map of mapRoles/mapUsers/mapAccounts; found a list."],
    ["another kind", "kind: Secret\ndata: {}\n", "aws-auth.yaml: is a Secret, not a ConfigMap."],
    ["a kubectl List", "kind: List\nitems: []\n", "aws-auth.yaml: is a List, not a ConfigMap. Use `kubectl get configmap aws-auth -n kube-system -o yaml`."],
    ["a ConfigMap without data", "kind: ConfigMap\nmetadata:\n  name: aws-auth\n", "aws-auth.yaml: no aws-auth data: the ConfigMap has no data map (found nothing)."],
    ["a section that is a map", "mapRoles: |\n  rolearn: x\n", "aws-auth.yaml: data.mapRoles must hold a list; found a map."],
    ["an entry that is a string", "mapRoles: '[\"arn:aws:iam::111122223333:role/ops\"]'\n", 'aws-auth.yaml: data.mapRoles entry 1 (line 1 of data.mapRoles): expected a map with rolearn, username, groups; found "arn:aws:iam::111122223333:role/ops".'],
    ["a role ARN in mapUsers", "mapUsers: |\n  - userarn: arn:aws:iam::111122223333:role/ops\n", 'aws-auth.yaml: data.mapUsers entry 1 (line 2): userarn "arn:aws:iam::111122223333:role/ops" is an IAM role ARN; roles go in mapRoles.'],
    ["a root ARN in mapUsers", "mapUsers: |\n  - userarn: arn:aws:iam::111122223333:root\n", 'aws-auth.yaml: data.mapUsers entry 1 (line 2): userarn "arn:aws:iam::111122223333:root" is not an IAM user ARN (expected arn:PARTITION:iam::ACCOUNT:user/NAME, account 12 digits).'],
    ["an unknown partition", "mapRoles: |\n  - rolearn: arn:aws-gov:iam::111122223333:role/ops\n", 'aws-auth.yaml: data.mapRoles entry 1 (line 2): rolearn "arn:aws-gov:iam::111122223333:role/ops" is not an IAM role ARN (expected arn:PARTITION:iam::ACCOUNT:role/NAME, account 12 digits).'],
    ["an account ID that lost its zero", "mapAccounts: '[12345670123]'\n", 'aws-auth.yaml: data.mapAccounts entry 1 (line 1 of data.mapAccounts): expected a 12-digit account ID; found "12345670123" (was a leading zero lost? quote account IDs).'],
  ])("refuses %s", (_what, text, message) => {
    expect(() => parseText(text)).toThrow(new AwsAuthInputError(message));
  });
});
