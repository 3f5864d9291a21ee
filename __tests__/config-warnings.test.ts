import { configWarnings } from "../src/config/warnings";
import type { AccessPolicyConfig, JumphostConfig } from "../src/config/types";

const P = "f.json: stacks[0].clusters[0].principals[0]";
const withPolicies = (accessPolicies: AccessPolicyConfig[]): JumphostConfig => ({
  stacks: [{ name: "s", clusters: [{ name: "c", principals: [{ roleName: "r", accessPolicies }] }] }],
});

describe("configWarnings", () => {
  it.each<[string, AccessPolicyConfig[], string[]]>([
    ["AdminView at cluster scope", [{ policy: "AmazonEKSAdminViewPolicy" }], [`${P}.accessPolicies[0]: AmazonEKSAdminViewPolicy can read every Secret in the cluster.`]],
    [
      "AdminView in a namespace",
      [{ policy: "AmazonEKSAdminViewPolicy", namespaces: ["team-a"] }],
      [
        `${P}.accessPolicies[0]: AmazonEKSAdminViewPolicy can read every Secret in its namespaces.`,
        `${P}.accessPolicies[0]: namespace scope (team-a): cluster-wide reads such as "kubectl get nodes" and "-A" listings are denied by this policy.`,
      ],
    ],
    ["View alone", [{ policy: "AmazonEKSViewPolicy" }], [`${P}: AmazonEKSViewPolicy alone does not cover nodes: "kubectl get nodes" is denied (AmazonEKSAdminViewPolicy covers them).`]],
    [
      "View in namespaces",
      [{ policy: "AmazonEKSViewPolicy", namespaces: ["a", "b-*"] }],
      [
        `${P}.accessPolicies[0]: namespace scope (a, b-*): cluster-wide reads such as "kubectl get nodes" and "-A" listings are denied by this policy.`,
        `${P}: AmazonEKSViewPolicy alone does not cover nodes: "kubectl get nodes" is denied (AmazonEKSAdminViewPolicy covers them).`,
      ],
    ],
    ["SecretReader", [{ policy: "AmazonEKSSecretReaderPolicy" }], []],
    ["no policies", [], []],
  ])("%s", (_case, policies, expected) => {
    expect(configWarnings(withPolicies(policies), "f.json")).toEqual(expected);
  });
});
