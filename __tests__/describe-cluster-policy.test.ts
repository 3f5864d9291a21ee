import { MAX_POLICY_CHARS, policyName, splitClusters } from "../src/describe-cluster-policy";
import { blocks, synthJson } from "./helpers/synth";

// Longest names EKS allows (100 characters), so every ARN is as long as it can be.
const longName = (i: number) => `c${String(i).padStart(3, "0")}-${"x".repeat(95)}`;

/** The policy document IAM will see, with the longest real partition, region and an account ID. */
function worstCaseDocument(clusters: string[]): string {
  const arn = (resource: string) => `arn:aws-us-gov:eks:ap-southeast-5:123456789012:${resource}`;
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Sid: "DescribeCluster", Effect: "Allow", Action: "eks:DescribeCluster", Resource: clusters.map((c) => arn(`cluster/${c}`)) },
      { Sid: "ListAssociatedAccessPolicies", Effect: "Allow", Action: "eks:ListAssociatedAccessPolicies", Resource: clusters.map((c) => arn(`access-entry/${c}/*`)) },
    ],
  });
}

function fleet(clusterCount: number, region?: string) {
  return synthJson({
    region,
    clusters: Array.from({ length: clusterCount }, (_, i) => ({ name: longName(i), principals: [{ roleName: "jumphost" }] })),
  });
}

describe("DescribeClusterPolicy", () => {
  it("fits a role on 100 clusters with 100-character names in at most 10 policies under 6,144 characters", () => {
    const policies = blocks(fleet(100), "resource", "aws_iam_policy");
    const names = Object.keys(policies);
    expect(names.length).toBeGreaterThan(1);
    expect(names.length).toBeLessThanOrEqual(10);
    const covered: string[] = [];
    for (const policy of Object.values(policies)) {
      const clusters = [...String(policy.policy).matchAll(/:cluster\/([^"]+)"/g)].map((m) => m[1]!);
      expect(worstCaseDocument(clusters).length).toBeLessThanOrEqual(MAX_POLICY_CHARS);
      covered.push(...clusters);
    }
    expect(covered).toEqual(Array.from({ length: 100 }, (_, i) => longName(i)));
    expect(Object.keys(blocks(fleet(100), "resource", "aws_iam_role_policy_attachment"))).toEqual(names);
  });

  it("estimates each chunk at or above its real size, so none goes over the limit", () => {
    for (const chunk of splitClusters(Array.from({ length: 300 }, (_, i) => longName(i)), 20)) {
      expect(worstCaseDocument(chunk).length).toBeLessThanOrEqual(MAX_POLICY_CHARS);
    }
  });

  it("packs more clusters per policy when the region is known", () => {
    const names = Array.from({ length: 200 }, (_, i) => longName(i));
    expect(splitClusters(names, "us-east-1".length)[0]!.length).toBeGreaterThan(splitClusters(names, 20)[0]!.length);
  });

  it("fails at synth, naming the principal and the reason, when 10 policies cannot hold the clusters", () => {
    expect(() => fleet(200)).toThrow(
      'stack "test-stack": roleName "jumphost" is on 200 clusters; their eks:DescribeCluster and eks:ListAssociatedAccessPolicies rights need 12 IAM policies of at most 6144 characters, and IAM attaches at most 10 managed policies to one principal. Split its clusters across stacks, or set "describeClusterPolicy": false on some of them and grant it otherwise.',
    );
  });

  it("names policies by stack and principal, so stacks sharing an account do not collide", () => {
    expect(policyName("prod", "role-jumphost", 1)).toBe("prod.role-jumphost.eks-access");
    expect(policyName("prod", "role-jumphost", 2)).toBe("prod.role-jumphost.eks-access-2");
    expect(policyName("prod", "role-jumphost.eks-access-2", 1)).not.toBe(policyName("prod", "role-jumphost", 2));
  });

  it("keeps long names within IAM's 128 characters and still unique", () => {
    const a = policyName("s".repeat(48), `rolearn-123456789012-${"a".repeat(64)}`, 1);
    const b = policyName("s".repeat(48), `rolearn-123456789012-${"a".repeat(63)}b`, 1);
    expect(a.length).toBeLessThanOrEqual(128);
    expect(a).toMatch(/^[\w+=,.@-]+$/);
    expect(a).not.toBe(b);
  });
});
