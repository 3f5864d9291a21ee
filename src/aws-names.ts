// AWS and Kubernetes naming rules, shared by the config validator (which reports JSON paths) and
// the constructs (which report prop names), so both reject the same values with the same words.

export interface NameRule {
  readonly pattern: RegExp;
  readonly minLength: number;
  readonly maxLength: number;
  /** What a valid value looks like, for error messages. */
  readonly allowed: string;
}

// Partitions as IAM ARNs spell them; an allowlist so a typo such as "arn:aws-gov:" fails at synth.
const PARTITION = "aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc";
// IAM paths: "/" or "/seg/.../" of printable ASCII; names: IAM's [\w+=,.@-].
const IAM_PATH = "/(?:[\\x21-\\x7E]{1,510}/)?";
const IAM_NAME = "[\\w+=,.@-]{1,64}";

export const CLUSTER_NAME: NameRule = {
  pattern: /^[0-9A-Za-z][A-Za-z0-9_-]*$/,
  minLength: 1,
  maxLength: 100,
  allowed: "1-100 letters, digits, hyphens and underscores, starting with a letter or digit",
};

export const ROLE_NAME: NameRule = {
  pattern: /^[\w+=,.@-]+$/,
  minLength: 1,
  maxLength: 64,
  allowed: "an IAM role name: 1-64 letters, digits and +=,.@_- (no path; use roleArn for a role with a path)",
};

export const ROLE_ARN: NameRule = {
  pattern: new RegExp(`^arn:(?:${PARTITION}):iam::\\d{12}:role${IAM_PATH}${IAM_NAME}$`),
  minLength: 20,
  maxLength: 620,
  allowed: "an IAM role ARN such as arn:PARTITION:iam::123456789012:role/PATH/NAME (path optional, at most 512 characters)",
};

export const USER_ARN: NameRule = {
  pattern: new RegExp(`^arn:(?:${PARTITION}):iam::\\d{12}:user${IAM_PATH}${IAM_NAME}$`),
  minLength: 20,
  maxLength: 620,
  allowed: "an IAM user ARN such as arn:PARTITION:iam::123456789012:user/PATH/NAME (path optional, at most 512 characters)",
};

export const REGION: NameRule = {
  pattern: /^[a-z]{2,4}(?:-[a-z]+)+-\d{1,2}$/,
  minLength: 9,
  maxLength: 25,
  allowed: "an AWS region code such as us-east-1, eu-central-1 or us-gov-west-1",
};

export const STACK_NAME: NameRule = {
  pattern: /^[A-Za-z][A-Za-z0-9-]*$/,
  minLength: 1,
  maxLength: 48,
  allowed: "1-48 letters, digits and hyphens, starting with a letter (it names a folder and IAM policies)",
};

export const NAMESPACE: NameRule = {
  // A DNS label, or a prefix followed by the wildcard "*" that EKS accepts at the end.
  pattern: /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?|[a-z0-9][-a-z0-9]*\*|\*)$/,
  minLength: 1,
  maxLength: 63,
  allowed: "a Kubernetes namespace (lower-case letters, digits, hyphens; at most 63) optionally ending in the wildcard *, e.g. dev-*",
};

export const KUBERNETES_GROUP: NameRule = {
  pattern: /^(?!system:)[^\s\x00-\x1F\x7F]+$/,
  minLength: 1,
  maxLength: 255,
  allowed: "a Kubernetes group name without spaces that does not start with system: (EKS refuses system: groups; use an access policy instead)",
};

export const USER_NAME: NameRule = {
  // Reserved prefixes refused by EKS; templates only after a colon ("ops:{{SessionName}}").
  pattern: /^(?!(?:system|eks|aws|amazon|iam):)(?:[^{}\s\x00-\x1F\x7F]|(?<=:[^{}\s]*)\{\{SessionName(?:Raw)?\}\})+$/,
  minLength: 1,
  maxLength: 255,
  allowed:
    "a Kubernetes username that does not start with system:, eks:, aws:, amazon: or iam:; {{SessionName}} and {{SessionNameRaw}} only after a colon, e.g. ops:{{SessionName}}",
};

// AWS tags allow letters, digits and white space of any script plus _ . : / = + - @; IAM
// policies get the stack's default_tags, and IAM refuses anything else.
export const TAG_KEY: NameRule = {
  pattern: /^(?![aA][wW][sS]:)(?!__proto__$)[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u,
  minLength: 1,
  maxLength: 128,
  allowed: "a tag key of 1-128 letters, digits, spaces and _ . : / = + - @ that does not start with aws:",
};

export const TAG_VALUE: NameRule = {
  pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
  minLength: 0,
  maxLength: 256,
  allowed: "a tag value of at most 256 letters, digits, spaces and _ . : / = + - @",
};

export const S3_BUCKET: NameRule = {
  // No IP-address form, no "..", ".-" or "-.", no "xn--" prefix: S3's naming rules.
  pattern: /^(?!\d+\.\d+\.\d+\.\d+$)(?!xn--)(?!.*(?:\.\.|\.-|-\.))[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
  minLength: 3,
  maxLength: 63,
  allowed: "an S3 bucket name: 3-63 lower-case letters, digits, dots and hyphens",
};

export const HCP_NAME: NameRule = {
  pattern: /^[A-Za-z0-9_-]+$/,
  minLength: 1,
  maxLength: 90,
  allowed: "an HCP Terraform name: 1-90 letters, digits, - and _",
};

/** Why `value` breaks `rule`, or undefined when it does not. */
export function ruleViolation(rule: NameRule, value: string): string | undefined {
  const ok = value.length >= rule.minLength && value.length <= rule.maxLength && rule.pattern.test(value);
  return ok ? undefined : `${JSON.stringify(value)} is not valid: ${rule.allowed}.`;
}

/** The parts of an IAM role or user ARN that has passed ROLE_ARN or USER_ARN. */
export interface IamArnParts {
  readonly partition: string;
  readonly account: string;
  readonly kind: "role" | "user";
  /** "/" or "/a/b/". */
  readonly path: string;
  readonly name: string;
}

export function parseIamArn(arn: string): IamArnParts {
  const parts = tryParseIamArn(arn);
  if (!parts) throw new Error(`not an IAM role or user ARN: ${arn}`);
  return parts;
}

/**
 * Service-linked roles (path /aws-service-role/..., names AWSServiceRoleFor...) cannot have access
 * entries. `path` as IamArnParts has it ("/" or "/a/b/"), or undefined when only the name is known.
 */
export function isServiceLinkedRole(name: string, path?: string): boolean {
  return name.startsWith("AWSServiceRoleFor") || (path?.startsWith("/aws-service-role/") ?? false);
}

/** The parts of an IAM role or user ARN, or undefined for any other text. */
export function tryParseIamArn(arn: string): IamArnParts | undefined {
  const match = /^arn:([^:]+):iam::(\d{12}):(role|user)(\/(?:.*\/)?)([^/]+)$/.exec(arn);
  if (!match) return undefined;
  const [, partition, account, kind, path, name] = match as unknown as [string, string, string, "role" | "user", string, string];
  return { partition, account, kind, path, name };
}
