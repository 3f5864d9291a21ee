// Who am I, and is that the principal the access entry is for?
import { IamPrincipal, iamArnOf, principalFromCallerArn, samePrincipal } from "./arn";
import { AwsApi, AwsCallError } from "./aws";
import { profileNotFound } from "./aws-profile";
import type { ExpectedPrincipal } from "./config";
import { CheckResult, fail, pass, skipped } from "./result";

export interface CallerOutcome {
  readonly result: CheckResult;
  /** The caller as an access-entry principal (role path unknown); undefined when the call failed. */
  readonly caller?: IamPrincipal;
  readonly callerArn?: string;
}

export async function checkCallerIdentity(aws: AwsApi): Promise<CallerOutcome> {
  let identity;
  try {
    identity = await aws.callerIdentity();
  } catch (error) {
    return { result: credentialFailure("caller-identity", "STS GetCallerIdentity", error, aws) };
  }
  const caller = principalFromCallerArn(identity.arn);
  if (!caller) {
    return {
      result: fail(
        "caller-identity",
        `signed in as ${identity.arn}, which cannot have an access entry (only IAM roles and users can)`,
        "use the jumphost's IAM role: its instance profile on EC2, or a profile with role_arn (AWS_PROFILE)",
      ),
      callerArn: identity.arn,
    };
  }
  const what = identity.arn.includes(":assumed-role/") ? `role ${caller.name} (assumed-role session)` : `user ${caller.name}`;
  return { result: pass("caller-identity", `${identity.arn}: ${what} in account ${identity.account}`), caller, callerArn: identity.arn };
}

/** Failure text shared by every AWS call that needs credentials. */
export function credentialFailure(name: "caller-identity" | "cluster", call: string, error: unknown, aws: Pick<AwsApi, "region" | "profile">): CheckResult {
  const { code, message } = error instanceof AwsCallError ? error : new AwsCallError("Error", String(error));
  const { region, profile } = aws;
  // With AWS_PROFILE set, the SDK looks nowhere else: the profile is the thing to fix.
  if (code === "CredentialsProviderError" && profile && !profile.found) {
    return fail(name, `${call}: AWS_PROFILE is "${profile.name}", and there is ${profileNotFound(profile)}`, "correct AWS_PROFILE (aws configure list-profiles), or unset it to use the instance profile");
  }
  if (code === "CredentialsProviderError" && profile) {
    return fail(name, `${call}: profile "${profile.name}" (AWS_PROFILE) gives no credentials (${message})`, `add credentials, role_arn or SSO settings to profile "${profile.name}" in ${profile.configFile}, or unset AWS_PROFILE to use the instance profile`);
  }
  if (code === "CredentialsProviderError") {
    return fail(name, `${call}: no AWS credentials found`, "attach an instance profile with the jumphost role to this instance, or set AWS_PROFILE");
  }
  if (code === "ExpiredToken" || code === "ExpiredTokenException" || code === "RequestExpired") {
    return fail(name, `${call}: the credentials have expired (${code})`, "get fresh credentials (aws sso login, or assume the role again) or unset stale AWS_ACCESS_KEY_ID / AWS_SESSION_TOKEN");
  }
  if (code === "InvalidClientTokenId" || code === "SignatureDoesNotMatch" || code === "UnrecognizedClientException") {
    return fail(name, `${call}: AWS rejected the credentials (${code})`, "check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the profile in AWS_PROFILE");
  }
  if (/^E[A-Z]+$/.test(code) || code === "TimeoutError") {
    return fail(name, `${call}: cannot reach AWS in ${region} (${code}: ${message})`, "allow HTTPS egress from the jumphost to AWS (NAT gateway or VPC endpoints for sts and eks)");
  }
  return fail(name, `${call} failed: ${code}: ${message}`, "fix the error above; AWS_REGION, AWS_PROFILE and AWS_ENDPOINT_URL are honoured");
}

export interface PrincipalOutcome {
  readonly result: CheckResult;
  /** The principal whose access entry the later checks read; undefined when unknown. */
  readonly principalArn?: string;
  /** False when the ARN's role path is a guess ("/"). */
  readonly pathKnown: boolean;
  /** The config entry chosen, for its expected policies. */
  readonly expected?: ExpectedPrincipal;
  /** The caller is not the expected principal. */
  readonly mismatch: boolean;
}

const PATH_UNKNOWN =
  "role path unknown (the STS ARN drops it); assuming \"/\", pass --principal-arn with the full ARN if the role has a path";

export function checkPrincipal(caller: IamPrincipal | undefined, callerArn: string | undefined, expected: ExpectedPrincipal[] | undefined): PrincipalOutcome {
  if (expected === undefined) {
    if (!caller) return { result: skipped("principal", "no caller identity and no expected principal (--principal-arn or --config)"), pathKnown: false, mismatch: false };
    const pathKnown = caller.path !== undefined;
    const detail = `no expected principal given (--principal-arn or --config); checking the caller's own ${caller.kind}${pathKnown ? "" : `; ${PATH_UNKNOWN}`}`;
    return { result: skipped("principal", detail), principalArn: iamArnOf(caller), pathKnown, mismatch: false };
  }
  if (expected.length === 0) {
    return {
      result: fail("principal", "the config lists no STANDARD principal for this cluster", "add the jumphost role to the cluster's principals and cdktf deploy"),
      pathKnown: false,
      mismatch: false,
    };
  }
  const match = caller && expected.find((candidate) => samePrincipal(candidate.principal, caller));
  if (match && caller) {
    const pathKnown = match.principal.path !== undefined || caller.path !== undefined;
    const arn = iamArnOf(match.principal, caller);
    const note = pathKnown ? "" : `; ${PATH_UNKNOWN}`;
    return { result: pass("principal", `caller is ${arn}, as ${match.source} says${note}`), principalArn: arn, pathKnown, expected: match, mismatch: false };
  }
  const wanted = expected.map((candidate) => candidate.source).join(" or ");
  const only = expected.length === 1 ? expected[0] : undefined;
  const fix = `run as the jumphost's role: on EC2 its instance profile, elsewhere a profile with role_arn = the expected role (AWS_PROFILE) or \`aws sts assume-role\``;
  const detail = caller ? `caller ${callerArn} is not ${wanted}` : `caller unknown (caller-identity failed); expected ${wanted}`;
  // With one candidate its entry can still be checked; with several we cannot tell which one was meant.
  const principalArn = only && (only.principal.account !== undefined ? iamArnOf(only.principal) : caller && iamArnOf(only.principal, caller));
  const pathKnown = only?.principal.path !== undefined;
  if (!caller) return { result: skipped("principal", detail), principalArn: principalArn || undefined, pathKnown, expected: only, mismatch: false };
  return { result: fail("principal", detail, fix), principalArn: principalArn || undefined, pathKnown, expected: only, mismatch: true };
}
