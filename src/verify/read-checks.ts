// Step 4.3 of the guide: the five reads, each with a request timeout and an explained failure.
import { explainReadFailure, ReadContext, ReadFailureKind } from "./read-failure";
import { CheckName, CheckResult, fail, pass, skipped } from "./result";
import { runCommand } from "./run-command";

interface Read {
  readonly name: CheckName;
  readonly args: string[];
  readonly resource: string;
  /** Cluster-scoped resource or an all-namespaces listing: a namespace scope cannot allow it. */
  readonly clusterWide: boolean;
}

export const READS: Read[] = [
  { name: "get-nodes", args: ["get", "nodes"], resource: "nodes", clusterWide: true },
  { name: "get-pods", args: ["get", "pods", "-A"], resource: "pods", clusterWide: true },
  { name: "get-services", args: ["get", "svc", "-A"], resource: "services", clusterWide: true },
  { name: "get-events", args: ["get", "events", "-A"], resource: "events", clusterWide: true },
  { name: "get-deployments", args: ["get", "deployments", "-A"], resource: "deployments", clusterWide: true },
];

/** Failures that every later read would repeat: report once, skip the rest. */
const SHARED_CAUSES = [ReadFailureKind.UNAUTHORIZED, ReadFailureKind.TIMEOUT, ReadFailureKind.CONNECTION, ReadFailureKind.CREDENTIALS];

export interface ReadsInput {
  /** Why the reads cannot run at all; undefined when they can. */
  readonly blocker: string | undefined;
  readonly kubeconfigPath: string | undefined;
  readonly context: string | undefined;
  readonly explain: ReadContext;
  readonly env: NodeJS.ProcessEnv;
}

export async function checkReads(input: ReadsInput): Promise<CheckResult[]> {
  if (input.blocker !== undefined || !input.kubeconfigPath || !input.context) {
    const why = input.blocker ?? "no kubeconfig (see kubeconfig)";
    return READS.map((read) => skipped(read.name, why));
  }
  const [first, ...rest] = READS;
  const firstRead = await runRead(first, input, input.kubeconfigPath, input.context);
  if (firstRead.sharedFailure !== undefined) {
    const why = firstRead.sharedFailure;
    return [firstRead.result, ...rest.map((read) => skipped(read.name, why))];
  }
  // The rest run together: each kubectl also runs `aws eks get-token`, which takes a while.
  const others = await Promise.all(rest.map((read) => runRead(read, input, input.kubeconfigPath ?? "", input.context ?? "")));
  return [firstRead.result, ...others.map((other) => other.result)];
}

async function runRead(read: Read, input: ReadsInput, kubeconfig: string, context: string): Promise<{ result: CheckResult; sharedFailure?: string }> {
  const command = `kubectl ${read.args.join(" ")}`;
  const timeout = input.explain.timeoutSeconds;
  const args = [...read.args, "-o", "name", "--kubeconfig", kubeconfig, "--context", context, `--request-timeout=${timeout}s`];
  // The margin covers the exec plugin (aws eks get-token), which --request-timeout does not bound.
  const outcome = await runCommand("kubectl", args, (timeout + 5) * 1000, input.env);
  if (outcome.code === 0) {
    const count = outcome.stdout.split("\n").filter((line) => line.trim() !== "").length;
    return { result: pass(read.name, `\`${command}\`: ${count} ${read.resource}`) };
  }
  const failure = explainReadFailure(command, read.resource, read.clusterWide, outcome, input.explain);
  const shared = SHARED_CAUSES.includes(failure.kind) ? `not run: \`${command}\` failed (${failure.kind}), every read would` : undefined;
  return { result: fail(read.name, failure.detail, failure.fix), sharedFailure: shared };
}
