import { checkUsername } from "../src/aws-auth/usernames";

describe("checkUsername", () => {
  test.each(["admin", "ops:{{SessionName}}", "auditor:{{SessionNameRaw}}", "arn:aws:iam::111122223333:role/ops", "team:ops-{{SessionName}}"])("keeps %s", (name) => {
    expect(checkUsername(name)).toEqual({ keep: true });
  });

  test.each([
    ["system:admin", 'access entries refuse usernames starting with "system:"'],
    ["eks:monitoring", 'access entries refuse usernames starting with "eks:"'],
    ["aws:x", 'access entries refuse usernames starting with "aws:"'],
    ["amazon:x", 'access entries refuse usernames starting with "amazon:"'],
    ["iam:x", 'access entries refuse usernames starting with "iam:"'],
    ["{{SessionName}}", '{{SessionName}} is allowed only after a colon (e.g. "ops:{{SessionName}}")'],
    ["admin-{{SessionNameRaw}}", '{{SessionNameRaw}} is allowed only after a colon (e.g. "ops:{{SessionNameRaw}}")'],
    ["{{AccountID}}:deployer", "{{AccountID}} is not a template access entries document for usernames (only {{SessionName}} and {{SessionNameRaw}})"],
    ["node:{{EC2PrivateDNSName}}", "{{EC2PrivateDNSName}} is not a template access entries document for usernames (only {{SessionName}} and {{SessionNameRaw}})"],
  ])("drops %s", (name, reason) => {
    expect(checkUsername(name)).toEqual({ keep: false, reason });
  });

  test("falls back to the project's USER_NAME rule", () => {
    expect(checkUsername("ops team")).toEqual({ keep: false, reason: expect.stringMatching(/^access entries refuse it: "ops team" is not valid: a Kubernetes username/) });
  });
});
