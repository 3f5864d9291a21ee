import type { JumphostConfig } from "../src/config/types";
import { expectationsFromConfig } from "../src/verify/config";

const config: JumphostConfig = {
  stacks: [
    {
      name: "prod",
      region: "eu-west-1",
      clusters: [
        {
          name: "demo",
          principals: [
            { roleName: "jumphost", accessPolicies: [{ policy: "AmazonEKSViewPolicy", namespaces: ["team-b", "team-a"] }] },
            { roleArn: "arn:aws-us-gov:iam::111122223333:role/aws-reserved/sso.amazonaws.com/Ops", accessPolicies: [{ policy: "AmazonEKSAdminViewPolicy" }] },
            { userArn: "arn:aws:iam::111122223333:user/people/alice" },
            { roleArn: "arn:aws:iam::111122223333:role/nodes", type: "EC2_LINUX" },
          ],
        },
      ],
    },
    { name: "dev", clusters: [{ name: "a", principals: [] }, { name: "b", principals: [] }] },
  ],
};

test("the stack's only cluster is the default; region from the stack; node roles are left out", () => {
  const expectations = expectationsFromConfig(config, "prod");
  expect(expectations.cluster).toBe("demo");
  expect(expectations.region).toBe("eu-west-1");
  expect(expectations.principals.map((principal) => principal.source)).toEqual([
    'the config\'s roleName "jumphost"',
    'the config\'s roleArn "arn:aws-us-gov:iam::111122223333:role/aws-reserved/sso.amazonaws.com/Ops"',
    'the config\'s userArn "arn:aws:iam::111122223333:user/people/alice"',
  ]);
});

test("roleName: path, account and partition unknown; namespaces sorted, namespace scope", () => {
  const [byName] = expectationsFromConfig(config, "prod", "demo").principals;
  expect(byName.principal).toEqual({ kind: "role", partition: undefined, account: undefined, path: undefined, name: "jumphost" });
  expect(byName.expectedPolicies).toEqual([{ policy: "AmazonEKSViewPolicy", scopeType: "namespace", namespaces: ["team-a", "team-b"] }]);
});

test("roleArn and userArn: full ARN, path and partition kept; no namespaces is cluster scope; no policies is []", () => {
  const [, sso, user] = expectationsFromConfig(config, "prod").principals;
  expect(sso.principal).toEqual({ kind: "role", partition: "aws-us-gov", account: "111122223333", path: "/aws-reserved/sso.amazonaws.com/", name: "Ops" });
  expect(sso.expectedPolicies).toEqual([{ policy: "AmazonEKSAdminViewPolicy", scopeType: "cluster", namespaces: [] }]);
  expect(user.principal).toEqual({ kind: "user", partition: "aws", account: "111122223333", path: "/people/", name: "alice" });
  expect(user.expectedPolicies).toEqual([]);
});

test.each([
  ["prod", "nope", 'stack "prod" has no cluster "nope" (clusters: "demo")'],
  ["dev", undefined, 'stack "dev" has 2 clusters ("a", "b"); choose one with --cluster NAME'],
  ["qa", undefined, 'no stack "qa" in the config (stacks: "prod", "dev")'],
])("stack %s cluster %s: %s", (stack, cluster, message) => {
  expect(() => expectationsFromConfig(config, stack, cluster)).toThrow(message);
});
