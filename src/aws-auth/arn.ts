// IAM ARNs as aws-auth holds them. Only the shapes access entries accept pass: role and user ARNs
// of a known partition and a 12-digit account.

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

// Partitions that have IAM and EKS: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, ...
const ARN_PATTERN = /^arn:(aws(?:-[a-z]+)*):iam::(\d{12}):(role|user)\/(?:(.+)\/)?([\w+=,.@-]{1,128})$/;

/** Parses a role or user ARN; undefined when the text has another shape. */
export function parseIamArn(text: string): IamArn | undefined {
  const match = ARN_PATTERN.exec(text);
  if (!match) return undefined;
  const [, partition, account, kind, path, name] = match;
  return { text, partition, account, kind: kind as IamArn["kind"], path: path ?? "", name };
}

/** Service-linked roles (path aws-service-role/, names AWSServiceRoleFor...) cannot have access entries. */
export function isServiceLinkedRole(arn: IamArn): boolean {
  return arn.kind === "role" && (arn.path.startsWith("aws-service-role") || arn.name.startsWith("AWSServiceRoleFor"));
}

/** IAM Identity Center (SSO) roles live under the path aws-reserved/sso.amazonaws.com/[region/]. */
export function isSsoRoleName(name: string): boolean {
  return name.startsWith("AWSReservedSSO_");
}

/** The same principal, as EKS compares them in aws-auth: case-insensitively. */
export function arnKey(arn: IamArn): string {
  return arn.text.toLowerCase();
}
