import { migrate } from "../src/aws-auth/migrate";
import { describePrincipal, formatReport } from "../src/aws-auth/report";
import { readFixture } from "./helpers/aws-auth-fixtures";

describe("formatReport", () => {
  test("shows every entry's outcome and notes, then what was left and what to do", () => {
    const data = readFixture("special-roles.yaml");
    const report = formatReport(["HEADER"], ["a remark"], migrate(data, { account: "111122223333" }));
    const lines = report.split("\n");
    expect(lines.slice(0, 6)).toEqual([
      "HEADER",
      "! a remark",
      "",
      "data.mapRoles entry 1 (line 9): arn:aws:iam::111122223333:role/AWSServiceRoleForAmazonEMRContainers",
      "  NOT CARRIED OVER: service-linked roles cannot have access entries",
      "    > ACTION: keep this line in aws-auth; the cluster cannot switch to API mode while it is needed",
    ]);
    expect(report).toContain('  -> roleName "viewer" (STANDARD): groups "viewers", username "viewer"\n    - keys "sso" ignored, as EKS does\n');
    expect(report).toContain("    ! warning: migrating it would grant new access");
    expect(report).toContain("Summary: 1 principal(s) migrated, 4 entries not carried over, 3 action(s).\nNot carried over (keep these lines in aws-auth until they are handled):\n");
    expect(lines.filter((line) => line.startsWith("  data.mapRoles entry"))).toHaveLength(4 + 3);
  });
});

describe("describePrincipal", () => {
  test.each([
    [{ roleName: "ops", allowAdmin: true, accessPolicies: [{ policy: "AmazonEKSClusterAdminPolicy" }], kubernetesGroups: ["a"], userName: "u" }, 'roleName "ops" (STANDARD): policy AmazonEKSClusterAdminPolicy, groups "a", username "u"'],
    [{ roleArn: "arn:aws:iam::111122223333:role/n", type: "EC2_LINUX" as const }, "roleArn arn:aws:iam::111122223333:role/n (EC2_LINUX)"],
    [{ userArn: "arn:aws:iam::111122223333:user/u" }, "userArn arn:aws:iam::111122223333:user/u (STANDARD)"],
  ])("%j", (principal, text) => {
    expect(describePrincipal(principal)).toBe(text);
  });
});
