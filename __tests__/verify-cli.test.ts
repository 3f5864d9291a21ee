// End to end: the real verify command against the fake STS/EKS/Kubernetes server and the
// stand-in aws and kubectl. Each failure kind must produce its own explanation and exit 1.
import { CHECK_NAMES } from "../src/verify/result";
import { FakeScenario } from "./fixtures/verify/fake-aws-server";
import { ACCOUNT, CALLER_ARN, PASSING_CONFIG, passingScenario, REGION, ROLE_ARN, VerifyHarness } from "./fixtures/verify/harness";

const harness = new VerifyHarness();
const WITH_CONFIG = ["--config", "config.json", "--stack", "prod", "--json"];

beforeAll(() => harness.start());
afterAll(() => harness.stop());

function scenario(change: Partial<FakeScenario>): void {
  harness.server.scenario = { ...passingScenario(), ...change };
}

beforeEach(() => {
  harness.server.scenario = passingScenario();
  harness.server.requests.length = 0;
});

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

describe("the cluster", () => {
  test("DescribeCluster denied: the IAM policy is missing (partition taken from the caller, here aws-cn)", async () => {
    const cnRole = `arn:aws-cn:iam::${ACCOUNT}:role/ops/jumphost`;
    scenario({
      partition: "aws-cn",
      region: "cn-north-1",
      callerArn: `arn:aws-cn:sts::${ACCOUNT}:assumed-role/jumphost/i-0abc`,
      entries: { [cnRole]: [{ policy: "AmazonEKSViewPolicy" }] },
      describeError: { status: 403, code: "AccessDeniedException", message: "User is not authorized to perform: eks:DescribeCluster" },
    });
    const run = await harness.run(["--cluster", "demo", "--region", "cn-north-1", "--principal-arn", cnRole, "--json"]);
    expect(run.code).toBe(1);
    expect(run.checks.principal?.status).toBe("pass");
    expect(run.checks.cluster).toMatchObject({
      status: "fail",
      detail: "not allowed to call eks:DescribeCluster on demo (AccessDeniedException): the IAM policy is missing",
      fix: `grant eks:DescribeCluster on arn:aws-cn:eks:cn-north-1:${ACCOUNT}:cluster/demo to the jumphost's role jumphost (describeClusterPolicy, on by default in the config; cdktf deploy)`,
    });
    expect(run.checks["access-policies"]).toMatchObject({ status: "pass", detail: "associated: AmazonEKSViewPolicy (cluster)" });
    expect(run.checks.kubeconfig).toMatchObject({ status: "skipped", detail: "needs the cluster's endpoint and certificate (see cluster)" });
    expect(run.checks["get-nodes"]?.status).toBe("skipped");
  });

  test("no such cluster", async () => {
    const run = await harness.run(["--cluster", "nope", "--json"]);
    expect(run.code).toBe(1);
    expect(run.checks.cluster).toMatchObject({
      status: "fail",
      detail: `no cluster "nope" in ${REGION} (ResourceNotFoundException)`,
      fix: "check --cluster and the region (--region, the stack's region, AWS_REGION)",
    });
    expect(run.checks["access-policies"]).toMatchObject({ status: "skipped", detail: "cluster not found" });
  });

  test("cluster not ACTIVE", async () => {
    scenario({ clusters: { demo: { status: "UPDATING", authenticationMode: "API" } } });
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG });
    expect(run.code).toBe(1);
    expect(run.checks.cluster).toMatchObject({
      status: "fail",
      detail: "cluster demo is UPDATING, not ACTIVE",
      fix: `wait until it is ACTIVE: aws eks wait cluster-active --name demo --region ${REGION}`,
    });
  });

  test("CONFIG_MAP mode: authentication-mode fails, and Unauthorized says the entries are ignored", async () => {
    scenario({ clusters: { demo: {} }, kubernetes: { unauthorized: true } });
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG });
    expect(run.code).toBe(1);
    expect(run.checks["authentication-mode"]).toMatchObject({
      status: "fail",
      detail: "CONFIG_MAP: the cluster ignores access entries (it reads only the aws-auth ConfigMap)",
      fix: `switch to API_AND_CONFIG_MAP (one-way): aws eks update-cluster-config --name demo --region ${REGION} --access-config authenticationMode=API_AND_CONFIG_MAP`,
    });
    expect(run.checks["get-nodes"]).toMatchObject({
      status: "fail",
      detail: "Unauthorized: the cluster did not accept your IAM identity; it is in CONFIG_MAP mode and ignores access entries",
      fix: "switch the authentication mode to API_AND_CONFIG_MAP (see authentication-mode)",
    });
  });
});

describe("the access entry and its policies", () => {
  test("entry missing: access-policies fails, Unauthorized names the principal", async () => {
    scenario({ entries: {}, kubernetes: { unauthorized: true } });
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG });
    expect(run.code).toBe(1);
    expect(run.checks["access-policies"]).toMatchObject({
      status: "fail",
      detail: `no access entry for ${ROLE_ARN} on cluster demo`,
      fix: "cdktf deploy the stack that lists this principal",
    });
    expect(run.checks["get-nodes"]).toMatchObject({
      status: "fail",
      detail: `Unauthorized: the cluster did not accept your IAM identity; there is no access entry for ${ROLE_ARN}`,
    });
  });

  test("Unauthorized with everything else in order: the entry's ARN must be the role's exact ARN", async () => {
    scenario({ kubernetes: { unauthorized: true } });
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG });
    expect(run.checks["get-nodes"]).toMatchObject({
      status: "fail",
      detail: `Unauthorized: the cluster did not accept your IAM identity (${CALLER_ARN}); no access entry maps it`,
      fix: "make the access entry's principal ARN the role's exact ARN, path included: aws eks list-access-entries --cluster-name demo",
    });
  });

  test("policy too narrow: AdminView missing, so View alone is denied nodes", async () => {
    scenario({ entries: { [ROLE_ARN]: [{ policy: "AmazonEKSViewPolicy" }] }, kubernetes: { forbidden: ["nodes"] } });
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG });
    expect(run.code).toBe(1);
    expect(run.checks["access-policies"]).toMatchObject({
      status: "fail",
      detail: "AmazonEKSAdminViewPolicy (cluster) is not associated (associated: AmazonEKSViewPolicy (cluster))",
      fix: "cdktf deploy the stack that lists this principal; the config and the cluster disagree",
    });
    expect(run.checks["get-nodes"]).toMatchObject({
      status: "fail",
      detail: "Forbidden: `kubectl get nodes` is denied; AmazonEKSViewPolicy does not cover nodes; AmazonEKSAdminViewPolicy does",
    });
    // Forbidden is per resource: the other reads still run and pass.
    expect(run.checks["get-pods"]?.status).toBe("pass");
    expect(run.checks["get-deployments"]?.status).toBe("pass");
  });

  test("namespace scope: cluster-wide reads are denied, and the scope differs from the config", async () => {
    const forbidden = ["nodes", "pods", "services", "events", "deployments"];
    scenario({ entries: { [ROLE_ARN]: [{ policy: "AmazonEKSViewPolicy", namespaces: ["dev"] }, { policy: "AmazonEKSAdminViewPolicy" }] }, kubernetes: { forbidden } });
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG });
    expect(run.checks["access-policies"]).toMatchObject({
      status: "fail",
      detail: "AmazonEKSViewPolicy is scoped to namespaces dev, the config says cluster (associated: AmazonEKSViewPolicy (namespaces dev), AmazonEKSAdminViewPolicy (cluster))",
    });
    // AdminView at cluster scope should allow these: the server says no, and the message lists the policies.
    expect(run.checks["get-pods"]).toMatchObject({
      status: "fail",
      detail: "Forbidden: `kubectl get pods -A` is denied; AmazonEKSViewPolicy (namespaces dev), AmazonEKSAdminViewPolicy (cluster) do not allow listing pods",
    });

    scenario({ entries: { [ROLE_ARN]: [{ policy: "AmazonEKSViewPolicy", namespaces: ["dev", "test"] }] }, kubernetes: { forbidden } });
    const scoped = await harness.run(["--cluster", "demo", "--principal-arn", ROLE_ARN, "--json"]);
    expect(scoped.checks["get-nodes"]).toMatchObject({
      status: "fail",
      detail: "Forbidden: `kubectl get nodes` is denied; your policies are scoped to namespaces dev, test, and a namespace scope denies cluster-wide reads",
      fix: 'give the policy cluster scope (drop "namespaces" in the config)',
    });
    expect(scoped.checks["get-services"]).toMatchObject({
      status: "fail",
      fix: 'give the policy cluster scope (drop "namespaces" in the config) or read one namespace: kubectl get services -n dev',
    });
    expect(scoped.code).toBe(1);
  });

  test("ListAssociatedAccessPolicies denied", async () => {
    scenario({ listError: { status: 403, code: "AccessDeniedException", message: "not authorized: eks:ListAssociatedAccessPolicies" } });
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG });
    expect(run.code).toBe(1);
    expect(run.checks["access-policies"]).toMatchObject({
      status: "fail",
      detail: "not allowed to call eks:ListAssociatedAccessPolicies (AccessDeniedException); kubectl does not need it, this check does",
      fix: `grant eks:ListAssociatedAccessPolicies on arn:aws:eks:${REGION}:${ACCOUNT}:access-entry/demo/* (describeClusterPolicy in the config; cdktf deploy)`,
    });
    expect(run.checks["get-nodes"]?.status).toBe("pass");
  });
});

describe("reaching the API server", () => {
  test("timeout: the request timeout is passed to kubectl and explained", async () => {
    scenario({ kubernetes: { delayMs: 3_000 } });
    const run = await harness.run([...WITH_CONFIG, "--request-timeout", "1"], { config: PASSING_CONFIG });
    expect(run.code).toBe(1);
    expect(run.kubectlCalls[1]).toContain("--request-timeout=1s");
    expect(run.checks["get-nodes"]).toMatchObject({
      status: "fail",
      detail: `timeout: the API server ${harness.server.url} did not answer within 1s`,
      fix: "the endpoint is private or filtered: allow TCP 443 from the jumphost to the cluster security group, or add the jumphost's IP to the public endpoint's allowed CIDRs",
    });
    expect(run.checks["get-deployments"]).toMatchObject({ status: "skipped", detail: "not run: `kubectl get nodes` failed (timeout), every read would" });
  });

  test("connection refused", async () => {
    scenario({ clusters: { demo: { authenticationMode: "API", endpoint: "http://127.0.0.1:1" } } });
    const run = await harness.run(WITH_CONFIG, { config: PASSING_CONFIG });
    expect(run.code).toBe(1);
    expect(run.checks["get-nodes"]).toMatchObject({
      status: "fail",
      detail: "connection error: cannot connect to the API server http://127.0.0.1:1 (Unable to connect to the server: dial tcp 127.0.0.1:1: connect: connection refused)",
      fix: "check the route and security groups between the jumphost and the cluster endpoint (TCP 443)",
    });
    expect(run.checks["get-pods"]).toMatchObject({ status: "skipped", detail: "not run: `kubectl get nodes` failed (connection), every read would" });
  });
});
