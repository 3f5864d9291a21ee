import { AccessPolicy } from "../src/access-policy";

describe("AccessPolicy", () => {
  it.each(AccessPolicy.FOR_PEOPLE.map((policy) => [policy.name, policy] as const))("%s has a partition-aware ARN", (name, policy) => {
    expect(policy.arn("aws-us-gov")).toBe(`arn:aws-us-gov:eks::aws:cluster-access-policy/${name}`);
  });

  it("needs the admin opt-in exactly for ClusterAdmin, Admin and Edit", () => {
    expect(AccessPolicy.FOR_PEOPLE.filter((p) => p.traits.admin).map((p) => p.name).sort()).toEqual([
      "AmazonEKSAdminPolicy",
      "AmazonEKSClusterAdminPolicy",
      "AmazonEKSEditPolicy",
    ]);
  });

  it("records that View reads neither Secrets nor nodes and AdminView reads both", () => {
    expect(AccessPolicy.VIEW.traits).toEqual({ admin: false, readsSecrets: false, readsNodes: false });
    expect(AccessPolicy.ADMIN_VIEW.traits).toEqual({ admin: false, readsSecrets: true, readsNodes: true });
  });

  it("of() returns the known constant, and treats an unknown policy as admin-level", () => {
    expect(AccessPolicy.of("AmazonEKSViewPolicy")).toBe(AccessPolicy.VIEW);
    const other = AccessPolicy.of("AmazonEKSAutoNodePolicy");
    expect(other.name).toBe("AmazonEKSAutoNodePolicy");
    expect(other.traits.admin).toBe(true);
  });

  it("reads a policy's name from its ARN in any partition, and nothing from other ARNs", () => {
    expect(AccessPolicy.nameFromArn("arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSViewPolicy")).toBe("AmazonEKSViewPolicy");
    expect(AccessPolicy.nameFromArn("arn:aws:iam::aws:policy/ReadOnlyAccess")).toBeUndefined();
  });

  it("lists as node readers exactly the policies whose traits read nodes", () => {
    expect(AccessPolicy.NODE_READERS.map((policy) => policy.name)).toEqual(["AmazonEKSAdminViewPolicy", "AmazonEKSClusterAdminPolicy"]);
  });
});
