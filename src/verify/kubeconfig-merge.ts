// Merging into the user's kubeconfig (--write-kubeconfig) as `aws eks update-kubeconfig` does,
// refusing files that are not kubeconfigs instead of overwriting them with garbage.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parse, stringify } from "yaml";
import type { KubeconfigDocument } from "./kubeconfig";

/**
 * Replaces same-named cluster, user and context entries, keeps everything else. Returns what is
 * wrong with an existing file that is not a kubeconfig, which is then left as it is.
 */
export function mergeInto(path: string, addition: KubeconfigDocument): string | undefined {
  const existing: unknown = existsSync(path) ? parse(readFileSync(path, "utf8")) : null;
  const problem = notAKubeconfig(existing);
  if (problem !== undefined) return problem;
  const old = (existing ?? {}) as KubeconfigDocument;
  const merged: KubeconfigDocument = { apiVersion: "v1", kind: "Config", preferences: {}, ...old };
  for (const key of LISTS) {
    const added = addition[key] ?? [];
    const kept = (old[key] ?? []).filter((entry) => !added.some((entryAdded) => entryAdded.name === entry.name));
    merged[key] = [...kept, ...added];
  }
  merged["current-context"] = addition["current-context"];
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, stringify(merged));
  chmodSync(path, 0o600);
  return undefined;
}

const LISTS = ["clusters", "users", "contexts"] as const;

/** Why a parsed file cannot be merged into: kubectl expects a mapping whose lists hold mappings. */
function notAKubeconfig(document: unknown): string | undefined {
  if (document === null || document === undefined) return undefined; // empty file
  if (!isMapping(document)) return `it holds ${kindOf(document)}, not a kubeconfig mapping`;
  for (const key of LISTS) {
    const list = document[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) return `its "${key}" is ${kindOf(list)}, not a list`;
    const bad = list.findIndex((entry) => !isMapping(entry));
    if (bad !== -1) return `its "${key}[${bad}]" is ${kindOf(list[bad])}, not a mapping`;
  }
  return undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "a list", "a mapping", "null", or the type with the value, cut short: `a string ("hello")`. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (isMapping(value)) return "a mapping";
  const text = JSON.stringify(value) ?? String(value);
  return `a ${typeof value} (${text.length > 40 ? `${text.slice(0, 40)}...` : text})`;
}
