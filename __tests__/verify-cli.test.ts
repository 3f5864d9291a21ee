// End to end: the real verify command against the fake STS/EKS/Kubernetes server and the
// stand-in aws and kubectl. Each failure kind must produce its own explanation and exit 1.
import { CHECK_NAMES } from "../src/verify/result";
import { ACCOUNT, CALLER_ARN, PASSING_CONFIG, REGION, ROLE_ARN, useVerifyHarness, WITH_CONFIG } from "./fixtures/verify/harness";

const { harness, scenario } = useVerifyHarness();

describe("all checks pass", () => {
  test("with --config: exit 0, every check passes; the --json shape", async () => {
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG });
    expect(run.err).toBe("");
    expect(Object.values(run.checks).map((check) => [check.name, check.status])).toEqual(CHECK_NAMES.map((name) => [name, "pass"]));
    expect(run.code).toBe(0);
    expect(run.checks["aws-cli"]?.detail).toBe("AWS CLI 2.17.20");
    expect(run.checks.kubectl?.detail).toBe("kubectl v1.31.2");
    expect(run.checks["caller-identity"]?.detail).toBe(`${CALLER_ARN}: role jumphost (assumed-role session) in account ${ACCOUNT}`);
    expect(run.checks.principal?.detail).toBe(`caller is ${ROLE_ARN}, as the config's roleArn "${ROLE_ARN}" says`);
    expect(run.checks.cluster?.detail).toBe(`cluster demo is ACTIVE, Kubernetes 1.31, arn:aws:eks:${REGION}:${ACCOUNT}:cluster/demo`);
    expect(run.checks["authentication-mode"]?.detail).toBe("API_AND_CONFIG_MAP: access entries apply");
    expect(run.checks["kubectl-version"]?.detail).toBe("kubectl v1.31.2 works with Kubernetes 1.31");
    expect(run.checks["access-policies"]?.detail).toBe(
      "associated as the config says: AmazonEKSViewPolicy (cluster), AmazonEKSAdminViewPolicy (cluster)",
    );
    expect(run.checks["get-nodes"]?.detail).toBe("`kubectl get nodes`: 2 nodes");
    expect(run.checks["get-deployments"]?.detail).toBe("`kubectl get deployments -A`: 2 deployments");

    // The --json contract: one object per check, fixed names, order and keys; fix null unless failed.
    const report = JSON.parse(run.out) as Record<string, unknown> & { checks: Record<string, unknown>[] };
    expect(Object.keys(report)).toEqual(["cluster", "region", "status", "checks"]);
    expect(report).toMatchObject({ cluster: "demo", region: REGION, status: "pass" });
    expect(report.checks.map((check) => check.name)).toEqual([...CHECK_NAMES]);
    for (const check of report.checks) {
      expect(Object.keys(check)).toEqual(["name", "status", "detail", "fix"]);
      expect(check.fix).toBeNull();
    }
  });
});

describe("all checks pass (continued)", () => {
  test("with --cluster --principal-arn and no config; temporary kubeconfig used, then removed", async () => {
    const run = await harness.run(["--cluster", "demo", "--region", REGION, "--principal-arn", ROLE_ARN, "--json"]);
    expect(run.code).toBe(0);
    expect(run.checks.principal?.detail).toBe(`caller is ${ROLE_ARN}, as --principal-arn ${ROLE_ARN} says`);
    expect(run.checks["access-policies"]?.detail).toBe("associated: AmazonEKSViewPolicy (cluster), AmazonEKSAdminViewPolicy (cluster)");
    // The association lookup used the role's ARN with its path, as the access entry has it.
    expect(harness.server.requests.map((request) => request.path)).toContain(`/clusters/demo/access-entries/${ROLE_ARN}/access-policies`);
    // `get nodes` first, alone; the other four together.
    expect(run.kubectlCalls[1].slice(0, 2)).toEqual(["get", "nodes"]);
    expect(run.kubectlCalls.slice(2).map((args) => args.slice(0, 3).join(" ")).sort()).toEqual([
      "get deployments -A",
      "get events -A",
      "get pods -A",
      "get svc -A",
    ]);
    const kubeconfigFlag = run.kubectlCalls[1][run.kubectlCalls[1].indexOf("--kubeconfig") + 1];
    expect(kubeconfigFlag).toMatch(/eks-verify-[^/]+\/kubeconfig$/);
    expect(run.kubectlCalls[1]).toContain("--request-timeout=10s");
    expect(run.kubectlCalls[1]).toContain(`arn:aws:eks:${REGION}:${ACCOUNT}:cluster/demo`);
    expect(run.leftovers).toEqual([]);
    expect(run.userKubeconfig).toBeUndefined();
  });

  test("the checklist: one line a check, no colour when not a TTY, a summary", async () => {
    scenario({ entries: { [ROLE_ARN]: [{ policy: "AmazonEKSViewPolicy" }] }, kubernetes: { forbidden: ["nodes"] } });
    const run = await harness.run(["--cluster", "demo", "--principal-arn", ROLE_ARN]);
    expect(run.code).toBe(1);
    const lines = run.out.split("\n");
    expect(lines[0]).toBe(`EKS access from this host: cluster demo in ${REGION}`);
    expect(lines).toContain("PASS  aws-cli              AWS CLI 2.17.20");
    expect(lines).toContain(
      "FAIL  get-nodes            Forbidden: `kubectl get nodes` is denied; AmazonEKSViewPolicy does not cover nodes; AmazonEKSAdminViewPolicy does",
    );
    expect(lines).toContain(
      '                           fix: add { "policy": "AmazonEKSAdminViewPolicy" } to the principal\'s accessPolicies and cdktf deploy (it also reads Secrets)',
    );
    expect(lines).toContain("13 passed, 1 failed, 0 skipped");
    expect(run.out).not.toContain("\u001b[");
  });

  test("--write-kubeconfig merges into ~/.kube/config, keeping other entries", async () => {
    const existing = [
      "apiVersion: v1",
      "kind: Config",
      "clusters:",
      "  - name: other",
      "    cluster: { server: https://other.example }",
      "users:",
      "  - name: other",
      "    user: { token: x }",
      "contexts:",
      "  - name: other",
      "    context: { cluster: other, user: other }",
      "current-context: other",
      "",
    ].join("\n");
    const run = await harness.run(["--cluster", "demo", "--principal-arn", ROLE_ARN, "--write-kubeconfig", "--json"], { userKubeconfig: existing });
    const clusterArn = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/demo`;
    expect(Object.values(run.checks).filter((check) => check.status !== "pass")).toEqual([]);
    expect(run.checks.kubeconfig?.detail).toBe(`merged context ${clusterArn} into ${harness.home}/.kube/config and made it current`);
    expect(run.code).toBe(0);
    expect(run.userKubeconfig).toContain("name: other");
    expect(run.userKubeconfig).toContain(`current-context: ${clusterArn}`);
    expect(run.userKubeconfig).toContain("- get-token");
  });
});

describe("tools (Step 1)", () => {
  test("aws missing: aws-cli fails, the reads are skipped", async () => {
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG, tools: ["kubectl"] });
    expect(run.code).toBe(1);
    expect(run.checks["aws-cli"]).toMatchObject({
      status: "fail",
      detail: "`aws` is not on PATH (kubectl runs `aws eks get-token` for its token)",
      fix: "install AWS CLI v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html",
    });
    expect(run.checks["get-nodes"]).toMatchObject({ status: "skipped", detail: "the kubeconfig runs `aws eks get-token`, and aws is not installed (see aws-cli)" });
  });

  test("AWS CLI v1 fails", async () => {
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG, env: { FAKE_AWS_VERSION: "aws-cli/1.18.69 Python/2.7.18 Linux/4.14 botocore/1.16.19" } });
    expect(run.code).toBe(1);
    expect(run.checks["aws-cli"]).toMatchObject({ status: "fail", detail: "AWS CLI 1.18.69 is not v2 (the guide requires v2)" });
  });

  test("kubectl missing: kubectl fails, version skew and reads skipped", async () => {
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG, tools: ["aws"] });
    expect(run.code).toBe(1);
    expect(run.checks.kubectl).toMatchObject({ status: "fail", detail: "`kubectl` is not on PATH", fix: "install kubectl: https://kubernetes.io/docs/tasks/tools/#kubectl" });
    expect(run.checks["kubectl-version"]).toMatchObject({ status: "skipped", detail: "no kubectl version to compare" });
    expect(run.checks["get-events"]).toMatchObject({ status: "skipped", detail: "kubectl is not installed (see kubectl)" });
  });

  test("kubectl not executable (EACCES): kubectl fails saying so, the reads are skipped", async () => {
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG, tools: ["aws"], notExecutable: ["kubectl"] });
    expect(run.code).toBe(1);
    expect(run.checks.kubectl).toEqual({
      name: "kubectl",
      status: "fail",
      detail: "`kubectl` on PATH cannot be run (EACCES)",
      fix: 'make it executable (chmod +x "$(command -v kubectl)") or install kubectl: https://kubernetes.io/docs/tasks/tools/#kubectl',
    });
    expect(run.checks["get-nodes"]).toMatchObject({ status: "skipped", detail: "kubectl cannot be run (see kubectl)" });
  });

  test("aws not executable (EACCES): aws-cli fails saying so, the reads are skipped", async () => {
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG, tools: ["kubectl"], notExecutable: ["aws"] });
    expect(run.checks["aws-cli"]).toEqual({
      name: "aws-cli",
      status: "fail",
      detail: "`aws` on PATH cannot be run (EACCES)",
      fix: 'make it executable (chmod +x "$(command -v aws)") or install AWS CLI v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html',
    });
    expect(run.checks["get-nodes"]).toMatchObject({ status: "skipped", detail: "the kubeconfig runs `aws eks get-token`, and aws cannot be run (see aws-cli)" });
  });

  test("kubectl too old for the cluster", async () => {
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG, env: { FAKE_KUBECTL_MINOR: "28" } });
    expect(run.code).toBe(1);
    expect(run.checks["kubectl-version"]).toMatchObject({
      status: "fail",
      detail: "kubectl v1.28.2 is 3 minor versions from the cluster's Kubernetes 1.31 (at most 1 is supported)",
      fix: "install kubectl 1.31: https://docs.aws.amazon.com/eks/latest/userguide/install-kubectl.html",
    });
  });
});

describe("who am I", () => {
  test("expired credentials: caller-identity fails, the AWS checks are skipped", async () => {
    scenario({ identityError: { status: 403, code: "ExpiredToken", message: "The security token included in the request is expired" } });
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG });
    expect(run.code).toBe(1);
    expect(run.checks["caller-identity"]).toMatchObject({ status: "fail", detail: "STS GetCallerIdentity: the credentials have expired (ExpiredToken)" });
    expect(run.checks.cluster).toMatchObject({ status: "skipped", detail: "needs working AWS credentials (caller-identity failed)" });
    expect(run.checks.kubeconfig?.status).toBe("skipped");
    expect(run.checks["get-nodes"]).toMatchObject({ status: "skipped", detail: "no kubeconfig (see kubeconfig)" });
  });

  test("no credentials at all", async () => {
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG, env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined } });
    expect(run.code).toBe(1);
    expect(run.checks["caller-identity"]).toMatchObject({
      status: "fail",
      detail: "STS GetCallerIdentity: no AWS credentials found",
      fix: "attach an instance profile with the jumphost role to this instance, or set AWS_PROFILE",
    });
  });

  test("wrong role assumed: principal fails, and Unauthorized says why", async () => {
    const otherCaller = `arn:aws:sts::${ACCOUNT}:assumed-role/developer/alice`;
    scenario({ callerArn: otherCaller, kubernetes: { unauthorized: true } });
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG });
    expect(run.code).toBe(1);
    expect(run.checks.principal).toMatchObject({ status: "fail", detail: `caller ${otherCaller} is not the config's roleArn "${ROLE_ARN}"` });
    // The expected principal's entry is still checked: the deployment itself is fine.
    expect(run.checks["access-policies"]?.status).toBe("pass");
    expect(run.checks["get-nodes"]).toMatchObject({
      status: "fail",
      detail: `Unauthorized: the cluster did not accept your IAM identity; you are ${otherCaller}, not the principal with the access entry`,
      fix: "run as the jumphost's role (see principal)",
    });
    expect(run.checks["get-pods"]).toMatchObject({ status: "skipped", detail: "not run: `kubectl get nodes` failed (Unauthorized), every read would" });
  });

  test("config gives only roleName: path unknown is said, and a missing entry mentions it", async () => {
    const config = { stacks: [{ name: "prod", clusters: [{ name: "demo", principals: [{ roleName: "jumphost", accessPolicies: [{ policy: "AmazonEKSViewPolicy" }] }] }] }] };
    scenario({ kubernetes: { unauthorized: true } });
    const run = await harness.run(WITH_CONFIG, { config });
    const guessed = `arn:aws:iam::${ACCOUNT}:role/jumphost`;
    expect(run.checks.principal).toMatchObject({
      status: "pass",
      detail: `caller is ${guessed}, as the config's roleName "jumphost" says; role path unknown (the STS ARN drops it); assuming "/", pass --principal-arn with the full ARN if the role has a path`,
    });
    expect(run.checks["access-policies"]).toMatchObject({
      status: "fail",
      detail: `no access entry for ${guessed} on cluster demo (the role path was guessed as "/"; if the role has a path, pass --principal-arn with the full ARN)`,
    });
    expect(run.checks["get-nodes"]?.detail).toBe(`Unauthorized: the cluster did not accept your IAM identity; there is no access entry for ${guessed}`);
    expect(run.code).toBe(1);

    // With the path from --principal-arn, the same config passes.
    scenario({});
    const fixed = await harness.run([...WITH_CONFIG, "--principal-arn", ROLE_ARN], { config });
    expect(fixed.checks.principal?.detail).toBe(`caller is ${ROLE_ARN}, as the config's roleName "jumphost" (path from --principal-arn) says`);
    expect(fixed.checks["access-policies"]).toMatchObject({
      status: "pass",
      detail: "associated as the config says: AmazonEKSViewPolicy (cluster); also associated, not in the config: AmazonEKSAdminViewPolicy (cluster)",
    });
    expect(fixed.code).toBe(0);
  });
});

describe("the kubeconfig", () => {
  test("TMPDIR that does not exist: kubeconfig fails, the reads are skipped, no crash", async () => {
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG, env: { TMPDIR: "/nonexistent" } });
    expect(run.err).toBe("");
    expect(run.code).toBe(1);
    expect(run.checks.kubeconfig).toEqual({
      name: "kubeconfig",
      status: "fail",
      detail: "cannot create a temporary kubeconfig in /nonexistent: ENOENT: no such file or directory, mkdtemp '/nonexistent/eks-verify-XXXXXX'",
      fix: "set TMPDIR to a writable directory, or pass --write-kubeconfig",
    });
    expect(run.checks["get-nodes"]).toMatchObject({ status: "skipped", detail: "no kubeconfig (see kubeconfig)" });
    expect(run.kubectlCalls.map((args) => args[0])).toEqual(["version"]);
  });

  test("--write-kubeconfig with a ~/.kube/config that is not a mapping: FAIL, the file is left as it was", async () => {
    const run = await harness.run(["--cluster", "demo", "--write-kubeconfig", "--json"], { userKubeconfig: "hello\n" });
    expect(run.checks.kubeconfig).toEqual({
      name: "kubeconfig",
      status: "fail",
      detail: `not updating ${harness.home}/.kube/config: it holds a string ("hello"), not a kubeconfig mapping`,
      fix: `repair or move ${harness.home}/.kube/config, or run without --write-kubeconfig`,
    });
    expect(run.userKubeconfig).toBe("hello\n");
    expect(run.code).toBe(1);
  });
});
