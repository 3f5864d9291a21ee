// The explanations the fake server cannot produce end to end (DNS, the exec plugin, other errors).
import { classify, explainReadFailure, ReadContext, ReadFailureKind } from "../src/verify/read-failure";
import type { CommandOutcome } from "../src/verify/run-command";

const context: ReadContext = {
  cluster: "demo",
  region: "eu-west-1",
  endpoint: "https://ABC.gr7.eu-west-1.eks.amazonaws.com",
  principalArn: "arn:aws:iam::111122223333:role/jumphost",
  callerArn: "arn:aws:sts::111122223333:assumed-role/jumphost/i-0abc",
  principalMismatch: false,
  authenticationMode: "API",
  entryMissing: false,
  policies: [{ policy: "AmazonEKSEditPolicy", scopeType: "cluster", namespaces: [] }],
  expectedPolicies: undefined,
  timeoutSeconds: 10,
};

function failed(stderr: string, timedOut = false): CommandOutcome {
  return { missing: false, timedOut, code: timedOut ? null : 1, stdout: "", stderr };
}

test.each([
  ["error: You must be logged in to the server (Unauthorized)", ReadFailureKind.UNAUTHORIZED],
  ['Error from server (Forbidden): nodes is forbidden: User "x" cannot list resource "nodes"', ReadFailureKind.FORBIDDEN],
  ["Unable to connect to the server: dial tcp 10.0.0.5:443: i/o timeout", ReadFailureKind.TIMEOUT],
  ["error: context deadline exceeded", ReadFailureKind.TIMEOUT],
  ["Unable to connect to the server: dial tcp: lookup abc.eks.amazonaws.com on 10.0.0.2:53: no such host", ReadFailureKind.CONNECTION],
  ["Unable to connect to the server: getting credentials: exec: executable aws failed with exit code 255", ReadFailureKind.CREDENTIALS],
  ["error: the server doesn't have a resource type \"deployments\"", ReadFailureKind.OTHER],
])("%s -> %s", (stderr, kind) => {
  expect(classify(failed(stderr))).toBe(kind);
});

test("killed after the time limit (a hung exec plugin) counts as a timeout", () => {
  expect(classify(failed("", true))).toBe(ReadFailureKind.TIMEOUT);
});

test("DNS failure: the endpoint is private", () => {
  const stderr = "Unable to connect to the server: dial tcp: lookup abc.eks.amazonaws.com on 10.0.0.2:53: no such host";
  expect(explainReadFailure("kubectl get nodes", "nodes", true, failed(stderr), context)).toEqual({
    kind: ReadFailureKind.CONNECTION,
    detail: `connection error: the API server name does not resolve (${stderr})`,
    fix: "the endpoint is private: run from the cluster's VPC (or a peered VPC) with VPC DNS resolution on",
  });
});

test("exec plugin failure: run get-token by hand", () => {
  const stderr = "Unable to connect to the server: getting credentials: exec: executable aws failed with exit code 255";
  expect(explainReadFailure("kubectl get nodes", "nodes", true, failed(stderr), context)).toEqual({
    kind: ReadFailureKind.CREDENTIALS,
    detail: `kubectl could not get a token from \`aws eks get-token\` (${stderr})`,
    fix: "run `aws eks get-token --cluster-name demo --region eu-west-1` to see why (AWS CLI, credentials)",
  });
});

test("Edit does not cover nodes either", () => {
  const stderr = 'Error from server (Forbidden): nodes is forbidden: User "x" cannot list resource "nodes"';
  expect(explainReadFailure("kubectl get nodes", "nodes", true, failed(stderr), context).detail).toBe(
    "Forbidden: `kubectl get nodes` is denied; AmazonEKSEditPolicy does not cover nodes; AmazonEKSAdminViewPolicy does",
  );
});

test("Forbidden with no policies at all", () => {
  const stderr = 'Error from server (Forbidden): pods is forbidden: User "x" cannot list resource "pods"';
  expect(explainReadFailure("kubectl get pods -A", "pods", true, failed(stderr), { ...context, policies: [] })).toEqual({
    kind: ReadFailureKind.FORBIDDEN,
    detail: "Forbidden: `kubectl get pods -A` is denied; the access entry has no access policies",
    fix: "associate AmazonEKSViewPolicy or AmazonEKSAdminViewPolicy (accessPolicies in the config) and cdktf deploy",
  });
});

test("anything else: kubectl's first line and how to see more", () => {
  const stderr = 'error: the server doesn\'t have a resource type "deployments"';
  expect(explainReadFailure("kubectl get deployments -A", "deployments", true, failed(stderr), context)).toEqual({
    kind: ReadFailureKind.OTHER,
    detail: `\`kubectl get deployments -A\` failed: ${stderr}`,
    fix: "run `kubectl get deployments -A -v=6` to see the request and the answer",
  });
});
