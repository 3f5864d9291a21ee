import fs, { lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Testing } from "cdktf";
import "cdktf/lib/testing/adapters/jest"; // types of toHaveResourceWithProperties
import { buildApp } from "../src/app";
import { main } from "../src/cli/from-aws-auth";
import { validateConfig } from "../src/config/validate";
import { EksAccessEntry, EksAccessPolicyAssociation } from "../src/provider-aws";
import { fixturePath } from "./helpers/aws-auth-fixtures";
import { fsError } from "./helpers/fs-errors";

function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

function tempConfig(config: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), "from-aws-auth-")), "jumphost.config.json");
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

const EXISTING = {
  $schema: "./jumphost.config.schema.json",
  stacks: [{ name: "prod", region: "eu-west-1", clusters: [{ name: "prod-eks", principals: [{ roleName: "jumphost", accessPolicies: [{ policy: "AmazonEKSViewPolicy" }] }] }] }],
};

afterEach(() => jest.restoreAllMocks());

describe("from-aws-auth", () => {
  test("prints a valid config for the cluster on stdout and the report on stderr", () => {
    const { code, stdout, stderr } = run(fixturePath("module-generated.yaml"), "--cluster", "prod-eks");
    expect(code).toBe(0);
    const config = validateConfig(JSON.parse(stdout), "stdout");
    expect(config.stacks.map((s) => [s.name, s.clusters.map((c) => [c.name, c.principals.length])])).toEqual([["prod-eks", [["prod-eks", 3]]]]);
    expect(stderr).toContain('-> cluster "prod-eks" in stack "prod-eks"');
    expect(stderr).toContain("Stack account 111122223333 (the account of the node roles)");
    expect(stderr).toContain("Summary: 3 principal(s) migrated, 3 entries not carried over, 3 action(s).");
  });

  test("--stack names the stack", () => {
    const { stdout } = run(fixturePath("yamlencode.yaml"), "--cluster", "prod-eks", "--stack", "access");
    expect(JSON.parse(stdout).stacks[0].name).toBe("access");
  });

  test("round trip: the migrated config synthesizes the entries, groups, usernames and associations", () => {
    const { code, stdout } = run(fixturePath("module-generated.yaml"), "--cluster", "prod-eks", "--node-entries");
    expect(code).toBe(0);
    const config = validateConfig(JSON.parse(stdout), "stdout");
    const { stacks } = buildApp(config, { outdir: mkdtempSync(join(tmpdir(), "from-aws-auth-synth-")) });
    const synth = Testing.synth(stacks[0], true);
    // roleName principals take the path-qualified ARN from data.aws_iam_role.
    const role = (name: string) => `\${data.aws_iam_role.role-${name}.arn}`;
    for (const type of ["EC2_LINUX", "EC2_WINDOWS", "FARGATE_LINUX"]) {
      expect(synth).toHaveResourceWithProperties(EksAccessEntry, { cluster_name: "prod-eks", type });
    }
    expect(synth).toHaveResourceWithProperties(EksAccessEntry, {
      principal_arn: role("platform-admins"),
      type: "STANDARD",
      kubernetes_groups: ["platform-team"],
      user_name: "platform-admin",
    });
    expect(synth).toHaveResourceWithProperties(EksAccessEntry, { principal_arn: role("developers"), kubernetes_groups: ["dev-readers"], user_name: "developer" });
    expect(synth).toHaveResourceWithProperties(EksAccessEntry, { principal_arn: "arn:aws:iam::111122223333:user/ci/deployer", user_name: "deployer" });
    expect(synth).toHaveResourceWithProperties(EksAccessPolicyAssociation, {
      cluster_name: "prod-eks",
      policy_arn: expect.stringContaining("cluster-access-policy/AmazonEKSClusterAdminPolicy"),
      access_scope: { type: "cluster" },
    });
    const resources = JSON.parse(synth).resource;
    expect(Object.keys(resources.aws_eks_access_entry)).toHaveLength(6);
    expect(Object.keys(resources.aws_eks_access_policy_association)).toHaveLength(2);
    // describeClusterPolicy: false on every migrated principal: no IAM is added.
    expect(resources.aws_iam_policy).toBeUndefined();
  });

  test("role names with . @ + = , become roleName principals, each its own", () => {
    const { code, stdout } = run(fixturePath("role-name-characters.yaml"), "--cluster", "prod-eks");
    expect(code).toBe(0);
    const principals = validateConfig(JSON.parse(stdout), "stdout").stacks[0].clusters[0].principals;
    expect(principals.map((p) => [p.roleName, p.kubernetesGroups, p.userName, p.allowAdmin])).toEqual([
      ["my.role", ["readers"], "my-role", undefined],
      ["ops@team", undefined, "ops", true],
      ["a+b=c,d", ["writers"], undefined, undefined],
    ]);
  });

  test("round trip of role names with . @ + = ,: one entry and one data source per role, under valid Terraform names", () => {
    const { stdout } = run(fixturePath("role-name-characters.yaml"), "--cluster", "prod-eks");
    const { stacks } = buildApp(validateConfig(JSON.parse(stdout), "stdout"), { outdir: mkdtempSync(join(tmpdir(), "from-aws-auth-synth-")) });
    const synth = JSON.parse(Testing.synth(stacks[0], true));
    const roles = Object.values(synth.data.aws_iam_role as Record<string, { name: string }>).map((role) => role.name);
    expect(roles.sort()).toEqual(["a+b=c,d", "my.role", "ops@team"]);
    expect(Object.keys(synth.data.aws_iam_role).sort()).toEqual(["role-a_2bb_3dc_2cd", "role-my_2erole", "role-ops_40team"]);
    expect(Object.keys(synth.resource.aws_eks_access_entry)).toHaveLength(3);
    expect(Object.keys(synth.resource.aws_eks_access_policy_association)).toHaveLength(1);
  });

  test("--merge adds the principals to the only stack's only cluster, keeping the rest of the file", () => {
    const file = tempConfig(EXISTING);
    const { code, stdout, stderr } = run(fixturePath("yamlencode.yaml"), "--merge", file);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toContain(`Wrote 2 principal(s) to ${file}.`);
    const merged = JSON.parse(readFileSync(file, "utf8"));
    expect(merged.$schema).toBe("./jumphost.config.schema.json");
    expect(merged.stacks[0].region).toBe("eu-west-1");
    expect(merged.stacks[0].clusters[0].principals.map((p: { roleName?: string; userArn?: string }) => p.roleName ?? p.userArn)).toEqual([
      "jumphost",
      "ops",
      "arn:aws:iam::111122223333:user/alice",
    ]);
    expect(readdirSync(join(file, ".."))).toEqual(["jumphost.config.json"]);
  });

  test("--merge with a new --cluster adds the cluster to the stack", () => {
    const file = tempConfig(EXISTING);
    expect(run(fixturePath("yamlencode.yaml"), "--merge", file, "--cluster", "staging-eks").code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).stacks[0].clusters.map((c: { name: string }) => c.name)).toEqual(["prod-eks", "staging-eks"]);
  });

  test("--merge refuses principals already in the cluster, and writes nothing", () => {
    const file = tempConfig({ stacks: [{ name: "prod", clusters: [{ name: "prod-eks", principals: [{ roleArn: "arn:aws:iam::111122223333:role/teams/OPS" }] }] }] });
    const before = readFileSync(file, "utf8");
    const { code, stderr } = run(fixturePath("yamlencode.yaml"), "--merge", file);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `from-aws-auth: ${file}: stacks[name=prod].clusters[name=prod-eks] already has roleName "ops" (already principals[0]); remove them from the config or from aws-auth, then rerun. Nothing was written.\n`,
    );
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  test.each(["bad-section-yaml.yaml", "missing-rolearn.yaml", "bad-arn.yaml", "no-aws-auth-data.yaml"])("bad input %s: exit 1, one message, no write to --merge", (name) => {
    const file = tempConfig(EXISTING);
    const before = readFileSync(file, "utf8");
    const { code, stdout, stderr } = run(fixturePath(name), "--merge", file);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(new RegExp(`^from-aws-auth: [^\\n]*${name.replace(".", "\\.")}: [^\\n]+\\n$`));
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  test("--merge through a symbolic link writes the file it points to and keeps the link", () => {
    const file = tempConfig(EXISTING);
    const link = join(mkdtempSync(join(tmpdir(), "from-aws-auth-link-")), "link.json");
    symlinkSync(file, link);
    const { code, stderr } = run(fixturePath("yamlencode.yaml"), "--merge", link);
    expect(code).toBe(0);
    expect(stderr).toMatch(new RegExp(`\\nWrote 2 principal\\(s\\) to ${link.replace(/[.\\/]/g, "\\$&")} \\(a link to ${realpathSync(file).replace(/[.\\/]/g, "\\$&")}\\)\\.\\n$`));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(file, "utf8")).stacks[0].clusters[0].principals).toHaveLength(3);
    expect(readdirSync(join(file, ".."))).toEqual(["jumphost.config.json"]);
  });

  test("a missing --merge file: file not found, exit 1 (not the synth's JUMPHOST_CONFIG advice)", () => {
    expect(run(fixturePath("yamlencode.yaml"), "--merge", "/nonexistent/m.json")).toEqual({ code: 1, stdout: "", stderr: "from-aws-auth: /nonexistent/m.json: file not found.\n" });
  });

  test("a --merge folder that is not writable: one message before any report, exit 1", () => {
    const file = tempConfig(EXISTING);
    const folder = realpathSync(join(file, ".."));
    jest.spyOn(fs, "accessSync").mockImplementation(() => {
      throw fsError("EROFS", `read-only file system, access '${folder}'`);
    });
    expect(run(fixturePath("yamlencode.yaml"), "--merge", file)).toEqual({
      code: 1,
      stdout: "",
      stderr: `from-aws-auth: ${file}: cannot write to its folder ${folder}: read-only file system (EROFS). Nothing was written.\n`,
    });
  });

  test("a --merge write that fails after the report: a clear last line, exit 1, the file unchanged", () => {
    const file = tempConfig(EXISTING);
    const before = readFileSync(file, "utf8");
    jest.spyOn(fs, "writeFileSync").mockImplementation(() => {
      throw fsError("EROFS", "read-only file system, open '/ro/.cfg.json.14483.tmp'");
    });
    const { code, stderr } = run(fixturePath("yamlencode.yaml"), "--merge", file);
    expect(code).toBe(1);
    expect(stderr).toContain("Summary: 2 principal(s) migrated");
    expect(stderr).toMatch(new RegExp(`\\nfrom-aws-auth: ${file.replace(/[.\\/]/g, "\\$&")}: cannot write: read-only file system \\(EROFS\\)\\. Nothing was written; the file is unchanged\\.\\n$`));
    expect(stderr).not.toMatch(/\n\s+at /);
    jest.restoreAllMocks();
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  test("an invalid --merge target is reported by the project's loader", () => {
    const file = tempConfig({ stacks: [] });
    const { code, stderr } = run(fixturePath("yamlencode.yaml"), "--merge", file);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^from-aws-auth: ${file.replace(/[.\\/]/g, "\\$&")}: stacks`));
  });

  test.each([
    [[], "FILE is required"],
    [["a", "b"], "expected one FILE, got 2"],
    [[fixturePath("yamlencode.yaml")], "--cluster NAME is required: the ConfigMap does not name its cluster"],
    [[fixturePath("yamlencode.yaml"), "--cluster", "prod_eks"], 'the cluster name "prod_eks" cannot name a stack'],
    [[fixturePath("yamlencode.yaml"), "--cluster", "x", "--account", "12345"], '--account "12345" is not a 12-digit AWS account ID'],
    [[fixturePath("yamlencode.yaml"), "--cluster", "x", "--stack", "bad_stack"], '--stack "bad_stack" is not valid: 1-48 letters, digits and hyphens, starting with a letter (it names a folder and IAM policies).'],
    [[fixturePath("yamlencode.yaml"), "--cluster", "bad.name"], '--cluster "bad.name" is not valid: 1-100 letters, digits, hyphens and underscores, starting with a letter or digit.'],
    [[fixturePath("yamlencode.yaml"), "--cluster", "bad.name", "--stack", "ok"], '--cluster "bad.name" is not valid: 1-100 letters, digits, hyphens and underscores, starting with a letter or digit.'],
    [[fixturePath("sso-roles.yaml"), "--cluster", "x"], "cannot tell the cluster's account (aws-auth names 111122223333, 444455556666); pass --account ID"],
  ])("usage error %j: exit 2", (argv, message) => {
    const { code, stderr } = run(...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(`from-aws-auth: ${message}`);
    expect(stderr).toContain("usage: npm run from-aws-auth");
  });

  test("an unknown option: one line naming it, then the usage", () => {
    const { code, stderr } = run(fixturePath("yamlencode.yaml"), "--bogus");
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe("from-aws-auth: Unknown option '--bogus'");
  });

  test("a bad --stack with --merge is a usage error, not blamed on the config", () => {
    const file = tempConfig(EXISTING);
    const before = readFileSync(file, "utf8");
    const { code, stderr } = run(fixturePath("yamlencode.yaml"), "--merge", file, "--stack", "new_stack");
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe('from-aws-auth: --stack "new_stack" is not valid: 1-48 letters, digits and hyphens, starting with a letter (it names a folder and IAM policies).');
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  test("--merge into a config with several stacks needs --stack unless the cluster tells", () => {
    const file = tempConfig({ stacks: [EXISTING.stacks[0], { name: "dev", clusters: [{ name: "dev-eks", principals: [{ roleName: "jumphost" }] }] }] });
    expect(run(fixturePath("yamlencode.yaml"), "--merge", file).code).toBe(2);
    expect(run(fixturePath("yamlencode.yaml"), "--merge", file, "--cluster", "dev-eks").code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).stacks[1].clusters[0].principals).toHaveLength(3);
  });

  test("nothing to migrate: the report, no config printed, exit 0", () => {
    const file = tempConfig({ mapAccounts: '["012345670123"]' });
    const { code, stdout, stderr } = run(file, "--cluster", "x", "--account", "111122223333");
    expect([code, stdout]).toEqual([0, ""]);
    expect(stderr).toContain("data.mapAccounts entry 1 (line 1 of data.mapAccounts): 012345670123\n  NOT CARRIED OVER: mapAccounts has no access-entry equivalent");
    expect(stderr).toMatch(/No principal to migrate: no config printed\.\n$/);
  });

  test("a missing FILE: exit 1, file not found", () => {
    expect(run("/nonexistent/aws-auth.yaml", "--cluster", "x")).toEqual({ code: 1, stdout: "", stderr: "from-aws-auth: /nonexistent/aws-auth.yaml: file not found.\n" });
  });

  test("a FILE that never ends: exit 1, one message", () => {
    const { code, stderr } = run("/dev/zero", "--cluster", "x");
    expect(code).toBe(1);
    expect(stderr).toBe(
      "from-aws-auth: /dev/zero: is over 10 MB (it is not a regular file and did not end); an aws-auth ConfigMap is a few KB. Give the output of kubectl get configmap aws-auth -n kube-system -o yaml.\n",
    );
  });

  test("an unexpected failure (stdout closed) is one line, without a stack trace", () => {
    let stderr = "";
    const fail = () => {
      throw new Error("write EPIPE");
    };
    const code = main([fixturePath("yamlencode.yaml"), "--cluster", "prod-eks"], { stdout: fail, stderr: (text) => (stderr += text) });
    expect([code, stderr]).toEqual([1, "from-aws-auth: unexpected error: write EPIPE\n"]);
  });
});
