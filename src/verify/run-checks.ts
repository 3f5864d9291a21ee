// Runs every check in order, each one told what the earlier ones found.
import type { AwsApi } from "./aws";
import { checkAuthenticationMode, checkCluster } from "./cluster-checks";
import type { ExpectedPrincipal } from "./config";
import { checkCallerIdentity, checkPrincipal } from "./identity-checks";
import { checkKubeconfig } from "./kubeconfig";
import { checkAccessPolicies } from "./policy-check";
import { checkReads } from "./read-checks";
import { CheckResult, CheckStatus } from "./result";
import { CommandOutcome, runCommand } from "./run-command";
import { checkAwsCli, checkKubectl, checkKubectlVersion } from "./tool-checks";

export interface VerifyPlan {
  readonly cluster: string;
  /** Undefined: no expectation (neither --principal-arn nor --config). */
  readonly principals: ExpectedPrincipal[] | undefined;
  readonly writeKubeconfig: boolean;
  readonly requestTimeoutSeconds: number;
  readonly env: NodeJS.ProcessEnv;
}

const VERSION_TIMEOUT_MS = 15_000;

export async function runChecks(plan: VerifyPlan, aws: AwsApi): Promise<CheckResult[]> {
  // The three independent probes run together; the rest depends on them.
  const [awsCliRun, kubectlRun, identity] = await Promise.all([
    runCommand("aws", ["--version"], VERSION_TIMEOUT_MS, plan.env),
    runCommand("kubectl", ["version", "--client", "-o", "json"], VERSION_TIMEOUT_MS, plan.env),
    checkCallerIdentity(aws),
  ]);
  const awsCli = checkAwsCli(awsCliRun);
  const kubectl = checkKubectl(kubectlRun);
  const principal = checkPrincipal(identity.caller, identity.callerArn, plan.principals);
  const cluster = await checkCluster(aws, plan.cluster, identity.caller);
  const authenticationMode = checkAuthenticationMode(cluster.cluster, plan.cluster, aws.region);
  const kubectlVersion = checkKubectlVersion(kubectl.version, cluster.cluster?.version);
  const partition = identity.caller?.partition;
  const account = identity.caller?.account;
  const policies = await checkAccessPolicies(aws, {
    cluster: plan.cluster,
    clusterNotFound: cluster.notFound,
    principalArn: principal.principalArn,
    pathKnown: principal.pathKnown,
    expected: principal.expected?.expectedPolicies,
    accessEntryArnPattern: partition && account ? `arn:${partition}:eks:${aws.region}:${account}:access-entry/${plan.cluster}/*` : undefined,
  });
  const kubeconfig = checkKubeconfig({ cluster: cluster.cluster, name: plan.cluster, region: aws.region, writeUserKubeconfig: plan.writeKubeconfig, env: plan.env });
  try {
    const reads = await checkReads({
      blocker: readBlocker(awsCliRun, kubectlRun),
      env: plan.env,
      kubeconfigPath: kubeconfig.path,
      context: kubeconfig.context,
      explain: {
        cluster: plan.cluster,
        region: aws.region,
        endpoint: cluster.cluster?.endpoint ?? "",
        principalArn: principal.principalArn,
        callerArn: identity.callerArn,
        principalMismatch: principal.mismatch,
        authenticationMode: cluster.cluster?.authenticationMode,
        entryMissing: policies.entryMissing,
        policies: policies.policies,
        expectedPolicies: principal.expected?.expectedPolicies?.map((expected) => expected.policy),
        timeoutSeconds: plan.requestTimeoutSeconds,
      },
    });
    return [awsCli, kubectl.result, identity.result, principal.result, cluster.result, authenticationMode, kubectlVersion, policies.result, kubeconfig.result, ...reads];
  } finally {
    kubeconfig.cleanup();
  }
}

function readBlocker(aws: CommandOutcome, kubectl: CommandOutcome): string | undefined {
  if (kubectl.missing) return "kubectl is not installed (see kubectl)";
  if (kubectl.spawnError) return "kubectl cannot be run (see kubectl)";
  if (aws.missing) return "the kubeconfig runs `aws eks get-token`, and aws is not installed (see aws-cli)";
  if (aws.spawnError) return "the kubeconfig runs `aws eks get-token`, and aws cannot be run (see aws-cli)";
  return undefined;
}

export function anyFailed(results: CheckResult[]): boolean {
  return results.some((result) => result.status === CheckStatus.FAIL);
}
