// Recognizes the aws-auth lines that let nodes join, and the typed access entry each becomes.
import type { AccessEntryTypeName } from "../config/types";

/** A node line: its entry type and the groups that the type implies (a typed entry carries none). */
export interface NodeRole {
  readonly type: AccessEntryTypeName;
  readonly impliedGroups: readonly string[];
}

const EC2_USERNAME = "system:node:{{EC2PrivateDNSName}}";
const SESSION_USERNAME = "system:node:{{SessionName}}";
const NODE_GROUPS = ["system:bootstrappers", "system:nodes"];

/** The node type of an aws-auth line, or undefined when it is not a node line. */
export function nodeRoleOf(username: string | undefined, groups: readonly string[]): NodeRole | undefined {
  if (username === EC2_USERNAME) {
    return groups.includes("eks:kube-proxy-windows")
      ? { type: "EC2_WINDOWS", impliedGroups: [...NODE_GROUPS, "eks:kube-proxy-windows"] }
      : { type: "EC2_LINUX", impliedGroups: NODE_GROUPS };
  }
  if (username === SESSION_USERNAME) {
    return groups.includes("system:node-proxier")
      ? { type: "FARGATE_LINUX", impliedGroups: [...NODE_GROUPS, "system:node-proxier"] }
      : { type: "HYBRID_LINUX", impliedGroups: NODE_GROUPS };
  }
  return undefined;
}
