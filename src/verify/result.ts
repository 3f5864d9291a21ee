// What one check reports. The names and their order are part of the --json contract (README, "Verify from the jumphost").

/** A check's outcome, as printed and as serialized by --json. */
export enum CheckStatus {
  PASS = "pass",
  FAIL = "fail",
  SKIPPED = "skipped",
}

/** Every check, in the order it runs; each run reports all of them. */
export const CHECK_NAMES = [
  "aws-cli",
  "kubectl",
  "caller-identity",
  "principal",
  "cluster",
  "authentication-mode",
  "kubectl-version",
  "access-policies",
  "kubeconfig",
  "get-nodes",
  "get-pods",
  "get-services",
  "get-events",
  "get-deployments",
] as const;

export type CheckName = (typeof CHECK_NAMES)[number];

export interface CheckResult {
  readonly name: CheckName;
  readonly status: CheckStatus;
  /** One line: what was found. */
  readonly detail: string;
  /** One line: what to do about a failure; absent when the check did not fail. */
  readonly fix?: string;
}

export function pass(name: CheckName, detail: string): CheckResult {
  return { name, status: CheckStatus.PASS, detail };
}

export function fail(name: CheckName, detail: string, fix: string): CheckResult {
  return { name, status: CheckStatus.FAIL, detail, fix };
}

export function skipped(name: CheckName, detail: string): CheckResult {
  return { name, status: CheckStatus.SKIPPED, detail };
}
