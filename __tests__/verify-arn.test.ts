import { iamArnOf, parseArn, principalFromCallerArn, principalFromIamArn, samePrincipal } from "../src/verify/arn";

test.each([
  ["arn:aws:sts::111122223333:assumed-role/jumphost/i-0abc", { kind: "role", partition: "aws", account: "111122223333", path: undefined, name: "jumphost" }],
  ["arn:aws-cn:sts::111122223333:assumed-role/AWSReservedSSO_Ops_0123/alice@example.com", { kind: "role", partition: "aws-cn", account: "111122223333", path: undefined, name: "AWSReservedSSO_Ops_0123" }],
  ["arn:aws-us-gov:iam::111122223333:user/people/alice", { kind: "user", partition: "aws-us-gov", account: "111122223333", path: "/people/", name: "alice" }],
  ["arn:aws:iam::111122223333:root", undefined],
  ["arn:aws:sts::111122223333:federated-user/bob", undefined],
  ["not an arn", undefined],
])("caller %s", (arn, principal) => {
  expect(principalFromCallerArn(arn)).toEqual(principal);
});

test("an IAM role ARN keeps its path; the ARN is rebuilt with the same partition", () => {
  const arn = "arn:aws-cn:iam::111122223333:role/aws-reserved/sso.amazonaws.com/Ops";
  const principal = principalFromIamArn(arn);
  expect(principal?.path).toBe("/aws-reserved/sso.amazonaws.com/");
  expect(principal && iamArnOf(principal)).toBe(arn);
});

test("an unknown path is written as / and filled in from the fallback", () => {
  const caller = principalFromCallerArn("arn:aws-cn:sts::111122223333:assumed-role/jumphost/s");
  const byName = { kind: "role" as const, partition: undefined, account: undefined, path: undefined, name: "jumphost" };
  expect(caller && iamArnOf(byName, caller)).toBe("arn:aws-cn:iam::111122223333:role/jumphost");
});

test("samePrincipal compares paths only when both are known", () => {
  const withPath = principalFromIamArn("arn:aws:iam::111122223333:role/ops/jumphost");
  const otherPath = principalFromIamArn("arn:aws:iam::111122223333:role/dev/jumphost");
  const session = principalFromCallerArn("arn:aws:sts::111122223333:assumed-role/jumphost/i-0abc");
  const otherAccount = principalFromCallerArn("arn:aws:sts::444455556666:assumed-role/jumphost/i-0abc");
  if (!withPath || !otherPath || !session || !otherAccount) throw new Error("test ARNs must parse");
  expect(samePrincipal(withPath, session)).toBe(true);
  expect(samePrincipal(withPath, otherPath)).toBe(false);
  expect(samePrincipal(withPath, otherAccount)).toBe(false);
});

test("ARN parts and policy names", () => {
  expect(parseArn("arn:aws:eks:eu-west-1:111122223333:cluster/demo")).toEqual({
    partition: "aws",
    service: "eks",
    region: "eu-west-1",
    account: "111122223333",
    resource: "cluster/demo",
  });
});
