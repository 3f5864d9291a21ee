// The kubeconfig check on its own: the temporary file, and merging into the user's file
// (--write-kubeconfig) without ever overwriting a file that is not a kubeconfig.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ClusterInfo } from "../src/verify/aws";
import { checkKubeconfig } from "../src/verify/kubeconfig";

const ARN = "arn:aws:eks:eu-west-1:111122223333:cluster/demo";
const CLUSTER: ClusterInfo = {
  arn: ARN,
  status: "ACTIVE",
  version: "1.31",
  endpoint: "https://example.eks.amazonaws.com",
  certificateAuthorityData: "Y2E=",
  authenticationMode: "API",
};

let scratch: string;
let home: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "verify-kubeconfig-"));
  home = join(scratch, "home");
  mkdirSync(join(home, ".kube"), { recursive: true });
});

function check(writeUserKubeconfig: boolean, env: NodeJS.ProcessEnv = {}) {
  return checkKubeconfig({ cluster: CLUSTER, name: "demo", region: "eu-west-1", writeUserKubeconfig, env: { HOME: home, TMPDIR: scratch, ...env } });
}

describe("temporary kubeconfig", () => {
  test("written under TMPDIR, removed by cleanup", () => {
    const outcome = check(false);
    expect(outcome.result.status).toBe("pass");
    expect(outcome.path?.startsWith(join(scratch, "eks-verify-"))).toBe(true);
    expect(readFileSync(outcome.path ?? "", "utf8")).toContain(`current-context: ${ARN}`);
    outcome.cleanup();
    expect(readdirSync(scratch)).toEqual(["home"]);
  });

  test("TMPDIR that does not exist: a FAIL, not a crash", () => {
    const outcome = check(false, { TMPDIR: "/nonexistent" });
    expect(outcome.result).toEqual({
      name: "kubeconfig",
      status: "fail",
      detail: "cannot create a temporary kubeconfig in /nonexistent: ENOENT: no such file or directory, mkdtemp '/nonexistent/eks-verify-XXXXXX'",
      fix: "set TMPDIR to a writable directory, or pass --write-kubeconfig",
    });
    expect(outcome.path).toBeUndefined();
    expect(() => outcome.cleanup()).not.toThrow();
  });
});

describe("--write-kubeconfig refuses files that are not kubeconfigs, and leaves them as they were", () => {
  const path = () => join(home, ".kube", "config");
  test.each([
    ["hello\n", 'it holds a string ("hello"), not a kubeconfig mapping'],
    ["- a\n- b\n", "it holds a list, not a kubeconfig mapping"],
    ["42\n", "it holds a number (42), not a kubeconfig mapping"],
    ["clusters: 5\n", 'its "clusters" is a number (5), not a list'],
    ["contexts: {a: 1}\n", 'its "contexts" is a mapping, not a list'],
    ["users: [x]\n", 'its "users[0]" is a string ("x"), not a mapping'],
    ["users:\n  - ~\n", 'its "users[0]" is null, not a mapping'],
    [`clusters: [${"x".repeat(60)}]\n`, `its "clusters[0]" is a string ("${"x".repeat(39)}...), not a mapping`],
  ])("%j: %s", (content, problem) => {
    writeFileSync(path(), content);
    const outcome = check(true);
    expect(outcome.result).toEqual({
      name: "kubeconfig",
      status: "fail",
      detail: `not updating ${path()}: ${problem}`,
      fix: `repair or move ${path()}, or run without --write-kubeconfig`,
    });
    expect(outcome.path).toBeUndefined();
    expect(readFileSync(path(), "utf8")).toBe(content);
  });

  test("YAML that does not parse: a FAIL with the parser's first line", () => {
    writeFileSync(path(), "a: b: c\n");
    expect(check(true).result).toMatchObject({
      status: "fail",
      detail: `cannot update ${path()}: Nested mappings are not allowed in compact mappings at line 1, column 4:`,
      fix: `repair or move ${path()}, or run without --write-kubeconfig`,
    });
  });

  test("a directory where the file should be: a FAIL", () => {
    mkdirSync(path());
    expect(check(true).result).toMatchObject({ status: "fail", detail: `cannot update ${path()}: EISDIR: illegal operation on a directory, read` });
  });

  test("an empty file, or null lists, count as no entries", () => {
    writeFileSync(path(), "clusters: ~\n");
    expect(check(true).result.status).toBe("pass");
    expect(readFileSync(path(), "utf8")).toContain(`current-context: ${ARN}`);
    writeFileSync(path(), "");
    expect(check(true).result.status).toBe("pass");
  });

  test("the first $KUBECONFIG file is the one written; an unwritable directory is a FAIL", () => {
    const locked = join(scratch, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const outcome = check(true, { KUBECONFIG: `${join(locked, "sub", "config")}:${path()}` });
    // root may write anywhere; then it passes, which is what aws eks update-kubeconfig would do too.
    if (process.getuid?.() === 0) expect(outcome.result.status).toBe("pass");
    else expect(outcome.result).toMatchObject({ status: "fail", detail: expect.stringMatching(/^cannot update .*locked\/sub\/config: EACCES/) });
  });
});
