// The kubeconfig entry `aws eks update-kubeconfig` writes, in a temporary file by default so that
// verifying never changes the user's ~/.kube/config unless asked (--write-kubeconfig).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { stringify } from "yaml";
import type { ClusterInfo } from "./aws";
import { mergeInto } from "./kubeconfig-merge";
import { CheckResult, fail, pass, skipped } from "./result";

export interface Named<T> {
  name: string;
  [key: string]: T | string;
}

export interface KubeconfigDocument {
  apiVersion?: string;
  kind?: string;
  clusters?: Named<unknown>[];
  users?: Named<unknown>[];
  contexts?: Named<unknown>[];
  "current-context"?: string;
  [key: string]: unknown;
}

/** The document `aws eks update-kubeconfig --region R --name N` produces (AWS CLI v2), for one cluster. */
export function kubeconfigFor(cluster: ClusterInfo, name: string, region: string, profile: string | undefined): KubeconfigDocument {
  const exec: Record<string, unknown> = {
    apiVersion: "client.authentication.k8s.io/v1beta1",
    args: ["--region", region, "eks", "get-token", "--cluster-name", name, "--output", "json"],
    command: "aws",
  };
  if (profile) exec.env = [{ name: "AWS_PROFILE", value: profile }];
  return {
    apiVersion: "v1",
    clusters: [{ cluster: { "certificate-authority-data": cluster.certificateAuthorityData, server: cluster.endpoint }, name: cluster.arn }],
    contexts: [{ context: { cluster: cluster.arn, user: cluster.arn }, name: cluster.arn }],
    "current-context": cluster.arn,
    kind: "Config",
    preferences: {},
    users: [{ name: cluster.arn, user: { exec } }],
  };
}

export interface KubeconfigOutcome {
  readonly result: CheckResult;
  readonly path?: string;
  readonly context?: string;
  /** Removes the temporary file; a no-op for the user's kubeconfig. */
  readonly cleanup: () => void;
}

export interface KubeconfigInput {
  readonly cluster: ClusterInfo | undefined;
  readonly name: string;
  readonly region: string;
  readonly writeUserKubeconfig: boolean;
  readonly env: NodeJS.ProcessEnv;
}

export function checkKubeconfig(input: KubeconfigInput): KubeconfigOutcome {
  const none = () => undefined;
  if (!input.cluster) {
    return { result: skipped("kubeconfig", "needs the cluster's endpoint and certificate (see cluster)"), cleanup: none };
  }
  const document = kubeconfigFor(input.cluster, input.name, input.region, input.env.AWS_PROFILE);
  const context = input.cluster.arn;
  if (!input.writeUserKubeconfig) return writeTemporary(input.env, document, context);
  const path = userKubeconfigPath(input.env);
  const refix = `repair or move ${path}, or run without --write-kubeconfig`;
  try {
    const problem = mergeInto(path, document);
    if (problem !== undefined) return { result: fail("kubeconfig", `not updating ${path}: ${problem}`, refix), cleanup: none };
  } catch (error) {
    return { result: fail("kubeconfig", `cannot update ${path}: ${firstLine(error)}`, refix), cleanup: none };
  }
  return { result: pass("kubeconfig", `merged context ${context} into ${path} and made it current`), path, context, cleanup: none };
}

function writeTemporary(env: NodeJS.ProcessEnv, document: KubeconfigDocument, context: string): KubeconfigOutcome {
  // `||`, not `??`: an empty TMPDIR would put the directory in the working directory.
  const parent = env.TMPDIR || tmpdir();
  let dir: string;
  try {
    dir = mkdtempSync(join(parent, "eks-verify-"));
  } catch (error) {
    return {
      result: fail("kubeconfig", `cannot create a temporary kubeconfig in ${parent}: ${firstLine(error)}`, "set TMPDIR to a writable directory, or pass --write-kubeconfig"),
      cleanup: () => undefined,
    };
  }
  // A directory left behind is not worth a crash at the end of the report.
  const cleanup = () => {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // nothing to do: the report is already out
    }
  };
  const path = join(dir, "kubeconfig");
  try {
    writeFileSync(path, stringify(document), { mode: 0o600 });
  } catch (error) {
    cleanup();
    return { result: fail("kubeconfig", `cannot write a temporary kubeconfig in ${parent}: ${firstLine(error)}`, "free space in TMPDIR or set it to a writable directory"), cleanup: () => undefined };
  }
  const detail = `temporary file, context ${context}, as aws eks update-kubeconfig writes it (--write-kubeconfig: into ${userKubeconfigPath(env)})`;
  return { result: pass("kubeconfig", detail), path, context, cleanup };
}

/** Where update-kubeconfig writes: the first file in $KUBECONFIG, else ~/.kube/config. */
export function userKubeconfigPath(env: NodeJS.ProcessEnv): string {
  const first = (env.KUBECONFIG ?? "").split(delimiter).find((entry) => entry !== "");
  return first ?? join(env.HOME || homedir(), ".kube", "config");
}

/** Duck-typed: errors from node:fs are not `instanceof Error` in every realm (jest's, for one). */
function firstLine(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return (typeof message === "string" ? message : String(error)).split("\n")[0];
}
