// Step 1 of the guide: the AWS CLI (v2) and a kubectl close enough to the cluster's version.
import { CheckResult, fail, pass, skipped } from "./result";
import type { CommandOutcome } from "./run-command";

export interface KubectlVersion {
  readonly minor: number;
  /** e.g. "v1.31.2". */
  readonly text: string;
}

const INSTALL_AWS_CLI = "install AWS CLI v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html";

export function checkAwsCli(outcome: CommandOutcome): CheckResult {
  if (outcome.missing) return fail("aws-cli", "`aws` is not on PATH (kubectl runs `aws eks get-token` for its token)", INSTALL_AWS_CLI);
  if (outcome.spawnError) return fail("aws-cli", `\`aws\` on PATH cannot be run (${outcome.spawnError})`, `make it executable (chmod +x "$(command -v aws)") or ${INSTALL_AWS_CLI}`);
  // v1 prints its version on stderr, v2 on stdout.
  const match = /aws-cli\/(\d+)\.(\d+)\.(\d+)/.exec(`${outcome.stdout} ${outcome.stderr}`);
  if (!match) return fail("aws-cli", `\`aws --version\` printed no version: ${firstLine(outcome)}`, INSTALL_AWS_CLI);
  const version = match[0].slice("aws-cli/".length);
  if (match[1] !== "2") return fail("aws-cli", `AWS CLI ${version} is not v2 (the guide requires v2)`, INSTALL_AWS_CLI);
  return pass("aws-cli", `AWS CLI ${version}`);
}

/** The kubectl check and, when it passed, the client version for the skew check. */
export function checkKubectl(outcome: CommandOutcome): { result: CheckResult; version?: KubectlVersion } {
  const install = "install kubectl: https://kubernetes.io/docs/tasks/tools/#kubectl";
  if (outcome.missing) return { result: fail("kubectl", "`kubectl` is not on PATH", install) };
  if (outcome.spawnError) {
    return { result: fail("kubectl", `\`kubectl\` on PATH cannot be run (${outcome.spawnError})`, `make it executable (chmod +x "$(command -v kubectl)") or ${install}`) };
  }
  const version = parseKubectlVersion(outcome.stdout);
  if (!version) return { result: fail("kubectl", `\`kubectl version --client\` printed no version: ${firstLine(outcome)}`, install) };
  return { result: pass("kubectl", `kubectl ${version.text}`), version };
}

/** The guide says kubectl "must match your EKS version"; Kubernetes supports one minor either way. */
export function checkKubectlVersion(kubectl: KubectlVersion | undefined, clusterVersion: string | undefined): CheckResult {
  if (!kubectl) return skipped("kubectl-version", "no kubectl version to compare");
  if (!clusterVersion) return skipped("kubectl-version", "cluster version unknown (DescribeCluster did not succeed)");
  const clusterMinor = Number(clusterVersion.split(".")[1]);
  const distance = Math.abs(kubectl.minor - clusterMinor);
  if (distance > 1) {
    return fail(
      "kubectl-version",
      `kubectl ${kubectl.text} is ${distance} minor versions from the cluster's Kubernetes ${clusterVersion} (at most 1 is supported)`,
      `install kubectl ${clusterVersion}: https://docs.aws.amazon.com/eks/latest/userguide/install-kubectl.html`,
    );
  }
  return pass("kubectl-version", `kubectl ${kubectl.text} works with Kubernetes ${clusterVersion}`);
}

function parseKubectlVersion(stdout: string): KubectlVersion | undefined {
  try {
    const parsed = JSON.parse(stdout) as { clientVersion?: { minor?: string; gitVersion?: string } };
    // EKS-vended builds report minors such as "31+".
    const minor = Number.parseInt(parsed.clientVersion?.minor ?? "", 10);
    if (Number.isNaN(minor)) return undefined;
    return { minor, text: parsed.clientVersion?.gitVersion ?? `1.${minor}` };
  } catch {
    return undefined;
  }
}

function firstLine(outcome: CommandOutcome): string {
  return (outcome.stdout || outcome.stderr).trim().split("\n")[0] || "(nothing)";
}
