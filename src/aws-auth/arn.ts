// IAM ARNs as aws-auth holds them. Only what the config accepts passes (the project's own
// ROLE_ARN / USER_ARN rules: known partition, 12-digit account, IAM names).
import { isServiceLinkedRole as isServiceLinkedName, parseIamArn as parseArnParts, ROLE_ARN, ruleViolation, USER_ARN } from "../aws-names";

/** An IAM role or user ARN, split into its parts. */
export interface IamArn {
  /** The ARN as written in aws-auth. */
  readonly text: string;
  readonly partition: string;
  /** 12 digits, kept as a string (leading zeros matter). */
  readonly account: string;
  readonly kind: "role" | "user";
  /** Path between `role/` and the name, without slashes at either end; "" when there is none. */
  readonly path: string;
  readonly name: string;
}

/** Parses a role or user ARN; undefined when the text has another shape. */
export function parseIamArn(text: string): IamArn | undefined {
  if (ruleViolation(ROLE_ARN, text) !== undefined && ruleViolation(USER_ARN, text) !== undefined) return undefined;
  const { partition, account, kind, path, name } = parseArnParts(text);
  return { text, partition, account, kind, path: path.replace(/^\/|\/$/g, ""), name };
}

/** Service-linked roles (path aws-service-role/, names AWSServiceRoleFor...) cannot have access entries. */
export function isServiceLinkedRole(arn: IamArn): boolean {
  return arn.kind === "role" && isServiceLinkedName(arn.name, `/${arn.path}/`);
}

/** IAM Identity Center (SSO) roles live under the path aws-reserved/sso.amazonaws.com/[region/]. */
export function isSsoRoleName(name: string): boolean {
  return name.startsWith("AWSReservedSSO_");
}

/** The same principal, as EKS compares them in aws-auth: case-insensitively. */
export function arnKey(arn: IamArn): string {
  return arn.text.toLowerCase();
}
