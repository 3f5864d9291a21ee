// End to end, like verify-cli.test.ts (split from it to keep each file short and let jest run
// both at once): failures of the cluster, the access entry and its policies, and the API server.
import { ACCOUNT, CALLER_ARN, PASSING_CONFIG, REGION, ROLE_ARN, useVerifyHarness, WITH_CONFIG } from "./fixtures/verify/harness";

const { harness, scenario } = useVerifyHarness();

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
      fix: "the config lists AmazonEKSAdminViewPolicy but the cluster does not have it: cdktf deploy (see access-policies)",
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
