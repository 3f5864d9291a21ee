// Turns aws-auth entries into principals of the project's config, one decision per entry, each
// with the reasons an operator needs to check it. The rules are those of
// the team's aws-auth facts (docs/aws-auth.md lists them); comments say which fact a rule follows.
import { KUBERNETES_GROUP, ruleViolation } from "../aws-names";
import type { PrincipalConfig } from "../config/types";
import { arnKey, isServiceLinkedRole, isSsoRoleName } from "./arn";
import { nodeRoleOf } from "./node-roles";
import type { AccountEntry, AwsAuthData, EntryOrigin, MapEntry } from "./parse";
import { checkUsername } from "./usernames";

export interface MigrateOptions {
  /** Account of the cluster's stack: its roles become roleName principals (the data source adds the path). */
  readonly account: string;
  /** Give node roles typed entries instead of leaving them in aws-auth. @default false */
  readonly nodeEntries?: boolean;
}

/** info: what happened; warning: check it; action: something the operator must do. */
export type NoteLevel = "info" | "warning" | "action";

export interface Note {
  readonly level: NoteLevel;
  readonly text: string;
}

/** What became of one aws-auth entry. */
export interface Decision {
  readonly origin: EntryOrigin;
  /** The ARN or account ID the entry names. */
  readonly subject: string;
  /** The principal it became; undefined when it was not carried over. */
  readonly principal?: PrincipalConfig;
  /** Why it was not carried over, in one sentence. */
  readonly notCarriedOver?: string;
  readonly notes: readonly Note[];
}

const ADMIN_POLICY = "AmazonEKSClusterAdminPolicy";
const MASTERS = "system:masters";
const AUTHENTICATED = "system:authenticated";

/** Decides the fate of every entry, in aws-auth order (mapRoles, mapUsers, mapAccounts). */
export function migrate(data: AwsAuthData, options: MigrateOptions): Decision[] {
  return [
    ...decideEntries(data.roles, options),
    ...decideEntries(data.users, options),
    ...data.accounts.map(decideAccount),
  ];
}

// EKS reads duplicates with the last one winning (eksctl keeps the first): shadowed ones are skipped.
function decideEntries(entries: readonly MapEntry[], options: MigrateOptions): Decision[] {
  const last = new Map<string, MapEntry>();
  for (const entry of entries) last.set(arnKey(entry.arn), entry);
  return entries.map((entry) => {
    const winner = last.get(arnKey(entry.arn));
    if (winner && winner !== entry) {
      return skipped(entry, `the same ARN appears again at ${winner.origin.label}, and EKS uses the last one`, [
        { level: "warning", text: "duplicate: this line is inert in EKS today (eksctl's migrate would keep it instead of the last one)" },
      ]);
    }
    return decideEntry(entry, options);
  });
}

function decideEntry(entry: MapEntry, options: MigrateOptions): Decision {
  const notes: Note[] = entryNotes(entry);
  const { arn } = entry;
  if (isServiceLinkedRole(arn)) {
    return skipped(entry, "service-linked roles cannot have access entries", [
      ...notes,
      { level: "action", text: "keep this line in aws-auth; the cluster cannot switch to API mode while it is needed" },
    ]);
  }
  if (arn.kind === "role" && arn.path !== "") {
    // EKS compares aws-auth role ARNs with the caller's ARN stripped of its path: this line never matches.
    return skipped(entry, `aws-auth ignores role ARNs written with a path ("${arn.path}/"), so this line grants nothing today`, [
      ...notes,
      { level: "warning", text: `migrating it would grant new access; if that is intended, add the role to the config yourself` },
    ]);
  }
  const node = arn.kind === "role" ? nodeRoleOf(entry.username, entry.groups) : undefined;
  if (node) {
    const extra = entry.groups.filter((group) => !node.impliedGroups.includes(group));
    if (extra.length > 0) notes.push({ level: "warning", text: `groups ${quoteAll(extra)} dropped: typed node entries carry no groups` });
    if (!options.nodeEntries) {
      return skipped(entry, `node role (would be type ${node.type}); left in aws-auth`, [
        ...notes,
        {
          level: "action",
          text:
            "EKS creates entries for managed node groups and Fargate profiles itself, and a second entry fails with ResourceInUseException. " +
            "Before switching to API mode, check `aws eks list-access-entries`; for self-managed or hybrid nodes rerun with --node-entries",
        },
      ]);
    }
    notes.push({ level: "info", text: `node role -> ${node.type} entry: EKS gives it the node username and groups itself` });
    return migrated(entry, { ...principalRef(entry, options, notes), type: node.type, describeClusterPolicy: false }, notes);
  }
  return decideStandard(entry, options, notes);
}

function decideStandard(entry: MapEntry, options: MigrateOptions, notes: Note[]): Decision {
  const kept: string[] = [];
  const refused: string[] = [];
  let admin = false;
  for (const group of entry.groups) {
    if (group === MASTERS) admin = true;
    else if (group === AUTHENTICATED) notes.push({ level: "info", text: `group ${AUTHENTICATED} dropped: every signed-in user has it` });
    else if (group.startsWith("system:") || ruleViolation(KUBERNETES_GROUP, group) !== undefined) refused.push(group);
    else if (kept.includes(group)) notes.push({ level: "info", text: `group "${group}" listed twice; kept once` });
    else kept.push(group);
  }
  if (refused.length > 0) {
    // An entry overrides the aws-auth line as soon as it exists: a partial one would cut access at once.
    return skipped(entry, `groups ${quoteAll(refused)} cannot be migrated (access entries refuse ${refusedWhy(refused)})`, [
      ...notes,
      { level: "action", text: "keep this line in aws-auth: an entry without these groups would override it and remove that access at once" },
    ]);
  }
  if (admin) {
    notes.push({ level: "info", text: `group ${MASTERS} -> ${ADMIN_POLICY} at cluster scope, with allowAdmin (access entries refuse system: groups)` });
  }
  if (kept.length > 0) {
    notes.push({ level: "info", text: `groups ${quoteAll(kept)} kept${admin ? " alongside the policy (eksctl's migrate drops them)" : ""}` });
  }
  const userName = decideUsername(entry, notes);
  if (!admin && kept.length === 0) {
    notes.push({ level: "info", text: "no groups: the entry gives access only through RBAC bindings that name its username" });
  }
  const principal: PrincipalConfig = {
    ...principalRef(entry, options, notes),
    ...(kept.length > 0 ? { kubernetesGroups: kept } : {}),
    ...(userName !== undefined ? { userName } : {}),
    ...(admin ? { allowAdmin: true, accessPolicies: [{ policy: ADMIN_POLICY }] } : {}),
    describeClusterPolicy: false,
  };
  return migrated(entry, principal, notes);
}

function decideUsername(entry: MapEntry, notes: Note[]): string | undefined {
  const { username } = entry;
  if (username === undefined) {
    notes.push({ level: "info", text: "no username: EKS generates one from the ARN" });
    return undefined;
  }
  const verdict = checkUsername(username);
  if (verdict.keep) {
    notes.push({ level: "info", text: `username "${username}" kept` });
    return username;
  }
  notes.push({
    level: "action",
    text:
      `username "${username}" dropped: ${verdict.reason}; EKS generates one from the ARN. ` +
      `RBAC bindings that name user "${username}" stop matching: update them before deploying, or set a valid userName`,
  });
  return undefined;
}

// Roles of the stack's account go by name, so data.aws_iam_role supplies the path-qualified ARN
// that access entries need (aws-auth holds path-stripped ARNs). Others keep their ARN.
function principalRef(entry: MapEntry, options: MigrateOptions, notes: Note[]): PrincipalConfig {
  const { arn } = entry;
  if (arn.kind === "user") return { userArn: arn.text };
  if (arn.account === options.account) {
    if (isSsoRoleName(arn.name)) notes.push({ level: "info", text: "SSO role: roleName lets the data source add its aws-reserved/sso.amazonaws.com/ path" });
    return { roleName: arn.name };
  }
  const sso = isSsoRoleName(arn.name);
  notes.push({
    level: sso ? "action" : "warning",
    text:
      `cross-account role (account ${arn.account}, stack account ${options.account}): roleArn kept as written. ` +
      (sso
        ? "SSO roles have a path (aws-reserved/sso.amazonaws.com/[REGION/]): put the full path in roleArn, or EKS answers \"The specified principalArn is invalid\""
        : "If the role has a path, add it to roleArn, or EKS answers \"The specified principalArn is invalid\""),
  });
  return { roleArn: arn.text };
}

function decideAccount(entry: AccountEntry): Decision {
  return {
    origin: entry.origin,
    subject: entry.account,
    notCarriedOver: "mapAccounts has no access-entry equivalent (today its principals sign in with their ARN as username and no groups)",
    notes: [{ level: "action", text: `add an entry (roleArn/userArn) for each principal of account ${entry.account} that still needs access, then remove the account from aws-auth` }],
  };
}

function entryNotes(entry: MapEntry): Note[] {
  const notes: Note[] = [];
  for (const key of entry.repeatedKeys) notes.push({ level: "warning", text: `key "${key}" written more than once (in some letter case); the last one counts, as in EKS` });
  if (entry.ignoredKeys.length > 0) notes.push({ level: "info", text: `keys ${quoteAll(entry.ignoredKeys)} ignored, as EKS does` });
  return notes;
}

function migrated(entry: MapEntry, principal: PrincipalConfig, notes: readonly Note[]): Decision {
  return { origin: entry.origin, subject: entry.arn.text, principal, notes };
}

function skipped(entry: MapEntry, reason: string, notes: readonly Note[]): Decision {
  return { origin: entry.origin, subject: entry.arn.text, notCarriedOver: reason, notes };
}

function refusedWhy(groups: readonly string[]): string {
  return groups.every((group) => group.startsWith("system:"))
    ? "system: groups and no access policy replaces them"
    : `them: ${KUBERNETES_GROUP.allowed}`;
}

function quoteAll(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}
