// Generates a fleet config for the bench: STACKS x CLUSTERS x PRINCIPALS access entries, each
// principal with two access policies (View at cluster scope, AdminView in one namespace).
export function fleetConfig(stacks, clusters, principals) {
  return {
    stacks: Array.from({ length: stacks }, (_, s) => ({
      name: `fleet-${s}`,
      region: "us-east-1",
      clusters: Array.from({ length: clusters }, (_, c) => ({
        name: `cluster-${s}-${c}`,
        principals: Array.from({ length: principals }, (_, p) => ({
          roleName: `team-${p}-jumphost`,
          accessPolicies: [
            { policy: "AmazonEKSViewPolicy" },
            { policy: "AmazonEKSAdminViewPolicy", namespaces: [`team-${p}`] },
          ],
        })),
      })),
    })),
  };
}
