// Access entry types and what only STANDARD entries may carry: shared by the config validator and
// the constructs, and light enough for both (no provider classes here).

/** Access entry types (the EKS API's names). Only STANDARD entries take policies, groups and a username. */
export enum AccessEntryType {
  STANDARD = "STANDARD",
  EC2_LINUX = "EC2_LINUX",
  EC2_WINDOWS = "EC2_WINDOWS",
  FARGATE_LINUX = "FARGATE_LINUX",
  EC2 = "EC2",
  HYBRID_LINUX = "HYBRID_LINUX",
}

/** Fields only STANDARD entries may carry (an allowlist: every other type refuses them). */
export const STANDARD_ONLY = ["accessPolicies", "kubernetesGroups", "userName"] as const;
