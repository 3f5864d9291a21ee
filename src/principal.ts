// One way to name a principal everywhere: in Terraform addresses, IAM policy names and messages.
import { parseIamArn } from "./aws-names";

/** A principal as configured: exactly one of a role name (resolved in the stack's account), a role ARN or a user ARN. */
export interface PrincipalRef {
  readonly roleName?: string;
  readonly roleArn?: string;
  readonly userArn?: string;
}

/**
 * A stable, unique key: "role-NAME" for roleName, "rolearn-ACCOUNT-NAME" for roleArn and
 * "user-ACCOUNT-NAME" for userArn. IAM names are unique per account whatever the path, so the
 * path is left out; the distinct prefixes keep a roleName from ever equalling a roleArn's key.
 */
export function principalKey(ref: PrincipalRef): string {
  if (ref.roleName !== undefined) return `role-${ref.roleName}`;
  const arn = parseIamArn(ref.roleArn ?? ref.userArn!);
  return `${ref.roleArn !== undefined ? "rolearn" : "user"}-${arn.account}-${arn.name}`;
}

/** The IAM name of the principal: what policy attachments take. */
export function principalName(ref: PrincipalRef): string {
  return ref.roleName ?? parseIamArn(ref.roleArn ?? ref.userArn!).name;
}

/** `roleName "jumphost"`, for messages. */
export function describePrincipal(ref: PrincipalRef): string {
  if (ref.roleName !== undefined) return `roleName ${JSON.stringify(ref.roleName)}`;
  if (ref.roleArn !== undefined) return `roleArn ${JSON.stringify(ref.roleArn)}`;
  return `userArn ${JSON.stringify(ref.userArn)}`;
}
