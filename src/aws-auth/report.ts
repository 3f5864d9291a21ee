// The stderr report: every entry with what it became and why, then what was not carried over
// and what the operator must do, so nothing is decided silently.
import type { PrincipalConfig } from "../config/types";
import type { Decision, NoteLevel } from "./migrate";

const MARKS: Record<NoteLevel, string> = { info: "-", warning: "! warning:", action: "> ACTION:" };

/** The report's lines, headed by `header` (file, cluster, stack, account). */
export function formatReport(header: readonly string[], remarks: readonly string[], decisions: readonly Decision[]): string {
  const lines = [...header];
  for (const remark of remarks) lines.push(`! ${remark}`);
  lines.push("");
  for (const decision of decisions) {
    const outcome = decision.principal ? `-> ${describePrincipal(decision.principal)}` : `NOT CARRIED OVER: ${decision.notCarriedOver}`;
    lines.push(`${decision.origin.label}: ${decision.subject}`, `  ${outcome}`);
    for (const note of decision.notes) lines.push(`    ${MARKS[note.level]} ${note.text}`);
  }
  const left = decisions.filter((decision) => !decision.principal);
  const actions = decisions.flatMap((decision) => decision.notes.filter((note) => note.level === "action").map((note) => ({ decision, note })));
  lines.push("", `Summary: ${decisions.length - left.length} principal(s) migrated, ${left.length} entr${left.length === 1 ? "y" : "ies"} not carried over, ${actions.length} action(s).`);
  if (left.length > 0) {
    lines.push("Not carried over (keep these lines in aws-auth until they are handled):");
    for (const decision of left) lines.push(`  ${decision.origin.label} ${decision.subject}: ${decision.notCarriedOver}`);
  }
  if (actions.length > 0) {
    lines.push("Actions:");
    for (const { decision, note } of actions) lines.push(`  ${decision.origin.label} ${decision.subject}: ${note.text}`);
  }
  return `${lines.join("\n")}\n`;
}

/** `roleName "ops" (STANDARD): policy AmazonEKSClusterAdminPolicy, groups "a", username "u"` */
export function describePrincipal(principal: PrincipalConfig): string {
  const ref = principal.roleName !== undefined ? `roleName "${principal.roleName}"` : principal.roleArn !== undefined ? `roleArn ${principal.roleArn}` : `userArn ${principal.userArn}`;
  const parts = [
    ...(principal.accessPolicies ?? []).map((association) => `policy ${association.policy}`),
    ...(principal.kubernetesGroups?.length ? [`groups ${principal.kubernetesGroups.map((group) => `"${group}"`).join(", ")}`] : []),
    ...(principal.userName !== undefined ? [`username "${principal.userName}"`] : []),
  ];
  return `${ref} (${principal.type ?? "STANDARD"})${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`;
}

