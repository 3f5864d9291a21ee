// Things that are allowed but that a reviewer should see: printed on stderr, never failing synth.
import { AccessPolicy } from "../access-policy";
import type { JumphostConfig } from "./types";

export function configWarnings(config: JumphostConfig, file: string): string[] {
  const warnings: string[] = [];
  config.stacks.forEach((stack, s) =>
    stack.clusters.forEach((cluster, c) =>
      cluster.principals.forEach((principal, p) => {
        const path = `${file}: stacks[${s}].clusters[${c}].principals[${p}]`;
        const associations = principal.accessPolicies ?? [];
        const policies = associations.map(({ policy }) => AccessPolicy.of(policy));
        associations.forEach(({ policy, namespaces }, i) => {
          if (policy === AccessPolicy.ADMIN_VIEW.name) {
            warnings.push(`${path}.accessPolicies[${i}]: AmazonEKSAdminViewPolicy can read every Secret${namespaces ? " in its namespaces" : " in the cluster"}.`);
          }
          if (namespaces) {
            warnings.push(`${path}.accessPolicies[${i}]: namespace scope (${namespaces.join(", ")}): cluster-wide reads such as "kubectl get nodes" and "-A" listings are denied by this policy.`);
          }
        });
        if (policies.length > 0 && policies.every((policy) => policy === AccessPolicy.VIEW)) {
          warnings.push(`${path}: AmazonEKSViewPolicy alone does not cover nodes: "kubectl get nodes" is denied (AmazonEKSAdminViewPolicy covers them).`);
        }
      }),
    ),
  );
  return warnings;
}
