// The kubeconfig entry `aws eks update-kubeconfig` writes, in a temporary file by default so that
// verifying never changes the user's ~/.kube/config unless asked (--write-kubeconfig).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { parse, stringify } from "yaml";
import type { ClusterInfo } from "./aws";
import { CheckResult, fail, pass, skipped } from "./result";

interface Named<T> {
  name: string;
  [key: string]: T | string;
}

interface KubeconfigDocument {
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
  if (!input.writeUserKubeconfig) {
    const dir = mkdtempSync(join(input.env.TMPDIR ?? tmpdir(), "eks-verify-"));
    const path = join(dir, "kubeconfig");
    writeFileSync(path, stringify(document), { mode: 0o600 });
    const cleanup = () => rmSync(dir, { recursive: true, force: true });
    const detail = `temporary file, context ${context}, as aws eks update-kubeconfig writes it (--write-kubeconfig: into ${userKubeconfigPath(input.env)})`;
    return { result: pass("kubeconfig", detail), path, context, cleanup };
  }
  const path = userKubeconfigPath(input.env);
  try {
    mergeInto(path, document);
  } catch (error) {
    return { result: fail("kubeconfig", `cannot update ${path}: ${(error as Error).message.split("\n")[0]}`, `fix or move ${path}, or run without --write-kubeconfig`), cleanup: none };
  }
  return { result: pass("kubeconfig", `merged context ${context} into ${path} and made it current`), path, context, cleanup: none };
}

/** Where update-kubeconfig writes: the first file in $KUBECONFIG, else ~/.kube/config. */
export function userKubeconfigPath(env: NodeJS.ProcessEnv): string {
  const first = (env.KUBECONFIG ?? "").split(delimiter).find((entry) => entry !== "");
  return first ?? join(env.HOME ?? homedir(), ".kube", "config");
}

/** Replaces same-named cluster, user and context entries, keeps everything else. */
function mergeInto(path: string, addition: KubeconfigDocument): void {
  const existing: KubeconfigDocument = existsSync(path) ? ((parse(readFileSync(path, "utf8")) as KubeconfigDocument | null) ?? {}) : {};
  const merged: KubeconfigDocument = { apiVersion: "v1", kind: "Config", preferences: {}, ...existing };
  for (const key of ["clusters", "users", "contexts"] as const) {
    const added = addition[key] ?? [];
    const kept = (existing[key] ?? []).filter((entry) => !added.some((entryAdded) => entryAdded.name === entry.name));
    merged[key] = [...kept, ...added];
  }
  merged["current-context"] = addition["current-context"];
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, stringify(merged));
  chmodSync(path, 0o600);
}
