// The stack's account decides roleName (same account) against roleArn (cross-account). The
// ConfigMap does not say which account the cluster lives in, so it is given or inferred.
import { nodeRoleOf } from "./node-roles";
import type { AwsAuthData } from "./parse";

/** The account and how it was found, for the report. */
export interface StackAccount {
  readonly account: string;
  readonly source: string;
}

/** Infers the cluster's account: the node roles' account (nodes live in the cluster's account), else the only account named. */
export function inferAccount(data: AwsAuthData): StackAccount | undefined {
  const nodeAccounts = new Set(data.roles.filter((role) => nodeRoleOf(role.username, role.groups)).map((role) => role.arn.account));
  if (nodeAccounts.size === 1) return { account: [...nodeAccounts][0], source: "the account of the node roles" };
  const accounts = new Set([...data.roles, ...data.users].map((entry) => entry.arn.account));
  if (nodeAccounts.size === 0 && accounts.size === 1) return { account: [...accounts][0], source: "the only account in aws-auth" };
  return undefined;
}
