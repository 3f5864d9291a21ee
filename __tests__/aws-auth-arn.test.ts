import { arnKey, isServiceLinkedRole, isSsoRoleName, parseIamArn } from "../src/aws-auth/arn";

describe("parseIamArn", () => {
  test("splits a role ARN with a path", () => {
    expect(parseIamArn("arn:aws-us-gov:iam::012345670123:role/a/b/ops")).toEqual({
      text: "arn:aws-us-gov:iam::012345670123:role/a/b/ops",
      partition: "aws-us-gov",
      account: "012345670123",
      kind: "role",
      path: "a/b",
      name: "ops",
    });
  });

  test.each(["arn:aws:iam::111122223333:root", "arn:aws:sts::111122223333:assumed-role/ops/x", "arn:aws:iam::1111:role/ops", "arn:aws-gov:iam::111122223333:role/ops", " arn:aws:iam::111122223333:role/ops"])(
    "refuses %s",
    (text) => {
      expect(parseIamArn(text)).toBeUndefined();
    },
  );
});

describe("role kinds", () => {
  test.each([
    ["arn:aws:iam::111122223333:role/AWSServiceRoleForAmazonEKS", true],
    ["arn:aws:iam::111122223333:role/aws-service-role/eks.amazonaws.com/Custom", true],
    ["arn:aws:iam::111122223333:role/ops", false],
  ])("%s is service-linked: %s", (text, expected) => {
    expect(isServiceLinkedRole(parseIamArn(text)!)).toBe(expected);
  });

  test("SSO role names and case-insensitive keys", () => {
    expect(isSsoRoleName("AWSReservedSSO_Admin_0123")).toBe(true);
    expect(isSsoRoleName("Admin")).toBe(false);
    expect(arnKey(parseIamArn("arn:aws:iam::111122223333:role/OPS")!)).toBe(arnKey(parseIamArn("arn:aws:iam::111122223333:role/ops")!));
  });
});
