// ARN helpers. The partition always comes from an ARN we were given (aws, aws-cn, aws-us-gov),
// never from a literal.
import { tryParseIamArn } from "../aws-names";

export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  /** Everything after the fifth colon, e.g. "role/path/name". */
  readonly resource: string;
}

export function parseArn(text: string): Arn | undefined {
  const parts = text.split(":");
  if (parts.length < 6 || parts[0] !== "arn" || parts[1] === "") return undefined;
  const [, partition, service, region, account] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(":") };
}

export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;
}

/** An IAM principal as an access entry names it. */
export interface IamPrincipal {
  readonly kind: "role" | "user";
  /** Undefined only for a config `roleName`, until the caller identity fills it in. */
  readonly partition: string | undefined;
  /** Undefined only for a config `roleName`, until the caller identity fills it in. */
  readonly account: string | undefined;
  /** "/" when none; undefined when unknown (an STS assumed-role ARN drops the role's path). */
  readonly path: string | undefined;
  readonly name: string;
}

/** Role or user from an IAM ARN (arn:P:iam::ACCOUNT:role/PATH/NAME). */
export function principalFromIamArn(text: string): IamPrincipal | undefined {
  const parts = tryParseIamArn(text);
  return parts && { kind: parts.kind, partition: parts.partition, account: parts.account, path: parts.path, name: parts.name };
}

/**
 * The principal behind a GetCallerIdentity ARN: an assumed-role session becomes its role (path
 * unknown), an IAM user stays itself. Root and federated users have no access-entry principal.
 */
export function principalFromCallerArn(text: string): IamPrincipal | undefined {
  const arn = parseArn(text);
  if (!arn) return undefined;
  if (arn.service === "sts") {
    const match = /^assumed-role\/([^/]+)\/[^/]+$/.exec(arn.resource);
    if (!match) return undefined;
    return { kind: "role", partition: arn.partition, account: arn.account, path: undefined, name: match[1] };
  }
  return principalFromIamArn(text);
}

/**
 * The principal's IAM ARN, missing parts taken from `fallback` (the caller). An unknown path is
 * written as "/", the best guess; callers say so.
 */
export function iamArnOf(principal: IamPrincipal, fallback?: IamPrincipal): string {
  const partition = principal.partition ?? fallback?.partition;
  const account = principal.account ?? fallback?.account;
  const path = principal.path ?? fallback?.path ?? "/";
  return `arn:${partition}:iam::${account}:${principal.kind}${path}${principal.name}`;
}

/** Same kind and name; partition, account and path compared only where both sides know them. */
export function samePrincipal(a: IamPrincipal, b: IamPrincipal): boolean {
  if (a.kind !== b.kind || a.name !== b.name) return false;
  const agree = (x: string | undefined, y: string | undefined) => x === undefined || y === undefined || x === y;
  return agree(a.partition, b.partition) && agree(a.account, b.account) && agree(a.path, b.path);
}

