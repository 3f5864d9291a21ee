import { configWarnings } from "../src/config/warnings";
import type { AccessPolicyConfig, JumphostConfig } from "../src/config/types";

const P = "stacks[0].clusters[0].principals[0]";
const withPolicies = (accessPolicies: AccessPolicyConfig[], principals = 1): JumphostConfig => ({
  stacks: [{ name: "s", clusters: [{ name: "c", principals: Array.from({ length: principals }, (_, i) => ({ roleName: `r${i}`, accessPolicies, allowAdmin: true })) }] }],
});
const NAMESPACE = 'namespace scope: cluster-wide reads such as "kubectl get nodes" and "-A" listings are denied by this policy.';
const NO_NODES = '"kubectl get nodes" is denied: none of its policies covers nodes at cluster scope (AmazonEKSAdminViewPolicy does).';

describe("configWarnings", () => {
  it.each<[string, AccessPolicyConfig[], string[]]>([
    ["AdminView at cluster scope", [{ policy: "AmazonEKSAdminViewPolicy" }], [`f.json: ${P}.accessPolicies[0]: AmazonEKSAdminViewPolicy can read every Secret in the cluster.`]],
    [
      "AdminView in a namespace",
      [{ policy: "AmazonEKSAdminViewPolicy", namespaces: ["team-a"] }],
      [
        `f.json: ${P}.accessPolicies[0]: AmazonEKSAdminViewPolicy can read every Secret in its namespaces.`,
        `f.json: ${P}.accessPolicies[0]: ${NAMESPACE}`,
        `f.json: ${P}: ${NO_NODES}`,
      ],
    ],
    ["View alone", [{ policy: "AmazonEKSViewPolicy" }], [`f.json: ${P}: ${NO_NODES}`]],
    ["View in namespaces", [{ policy: "AmazonEKSViewPolicy", namespaces: ["a", "b-*"] }], [`f.json: ${P}.accessPolicies[0]: ${NAMESPACE}`, `f.json: ${P}: ${NO_NODES}`]],
    ["View with AdminView", [{ policy: "AmazonEKSViewPolicy" }, { policy: "AmazonEKSAdminViewPolicy" }], [`f.json: ${P}.accessPolicies[1]: AmazonEKSAdminViewPolicy can read every Secret in the cluster.`]],
    ["SecretReader", [{ policy: "AmazonEKSSecretReaderPolicy" }], [`f.json: ${P}.accessPolicies[0]: AmazonEKSSecretReaderPolicy can read every Secret in the cluster.`, `f.json: ${P}: ${NO_NODES}`]],
    ["Edit (opted into, no Secret warning; no nodes)", [{ policy: "AmazonEKSEditPolicy" }], [`f.json: ${P}: ${NO_NODES}`]],
    ["ClusterAdmin", [{ policy: "AmazonEKSClusterAdminPolicy" }], []],
    ["no policies", [], []],
  ])("%s", (_case, policies, expected) => {
    expect(configWarnings(withPolicies(policies), "f.json")).toEqual(expected);
  });

  it("prints a warning shared by many principals once, with the first three paths", () => {
    expect(configWarnings(withPolicies([{ policy: "AmazonEKSViewPolicy" }], 5), "f.json")).toEqual([
      `f.json: stacks[0].clusters[0].principals[0], stacks[0].clusters[0].principals[1], stacks[0].clusters[0].principals[2] and 2 more: ${NO_NODES}`,
    ]);
  });
});
