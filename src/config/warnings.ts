// Things that are allowed but that a reviewer should see: printed on stderr, never failing synth.
// The same warning on many principals (a fleet) is printed once, with the first few paths.
import { AccessPolicy } from "../access-policy";
import type { JumphostConfig } from "./types";

/** Paths listed per warning before "and N more". */
const MAX_PATHS = 3;

export function configWarnings(config: JumphostConfig, file: string): string[] {
  const byMessage = new Map<string, string[]>();
  const warn = (path: string, message: string) => byMessage.set(message, [...(byMessage.get(message) ?? []), path]);
  config.stacks.forEach((stack, s) =>
    stack.clusters.forEach((cluster, c) =>
      cluster.principals.forEach((principal, p) => {
        const path = `stacks[${s}].clusters[${c}].principals[${p}]`;
        const associations = (principal.accessPolicies ?? []).map((association) => ({ ...association, policy: AccessPolicy.of(association.policy) }));
        associations.forEach(({ policy, namespaces }, i) => {
          // Admin-level policies read Secrets too, but were opted into with allowAdmin.
          if (policy.traits.readsSecrets && !policy.traits.admin) {
            warn(`${path}.accessPolicies[${i}]`, `${policy.name} can read every Secret${namespaces ? " in its namespaces" : " in the cluster"}.`);
          }
          if (namespaces) {
            warn(`${path}.accessPolicies[${i}]`, 'namespace scope: cluster-wide reads such as "kubectl get nodes" and "-A" listings are denied by this policy.');
          }
        });
        const coversNodes = associations.some(({ policy, namespaces }) => policy.traits.readsNodes && !namespaces);
        if (associations.length > 0 && !coversNodes) {
          warn(path, '"kubectl get nodes" is denied: none of its policies covers nodes at cluster scope (AmazonEKSAdminViewPolicy does).');
        }
      }),
    ),
  );
  return [...byMessage].map(([message, paths]) => {
    const more = paths.length > MAX_PATHS ? ` and ${paths.length - MAX_PATHS} more` : "";
    return `${file}: ${paths.slice(0, MAX_PATHS).join(", ")}${more}: ${message}`;
  });
}
