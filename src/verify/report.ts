// The two output formats: a checklist for people, JSON for scripts (contract in the README, "Verify from the jumphost").
import { CheckResult, CheckStatus } from "./result";

export interface ReportHeader {
  readonly cluster: string;
  readonly region: string;
}

const LABELS: Record<CheckStatus, string> = { [CheckStatus.PASS]: "PASS", [CheckStatus.FAIL]: "FAIL", [CheckStatus.SKIPPED]: "SKIP" };
const COLOURS: Record<CheckStatus, string> = { [CheckStatus.PASS]: "\u001b[32m", [CheckStatus.FAIL]: "\u001b[31m", [CheckStatus.SKIPPED]: "\u001b[33m" };
const RESET = "\u001b[0m";

export function formatChecklist(header: ReportHeader, results: CheckResult[], colour: boolean): string {
  const width = Math.max(...results.map((result) => result.name.length));
  const lines = [`EKS access from this host: cluster ${header.cluster} in ${header.region}`, ""];
  for (const result of results) {
    const label = colour ? `${COLOURS[result.status]}${LABELS[result.status]}${RESET}` : LABELS[result.status];
    lines.push(`${label}  ${result.name.padEnd(width)}  ${result.detail}`);
    if (result.fix) lines.push(`${" ".repeat(6 + width + 2)}fix: ${result.fix}`);
  }
  const count = (status: CheckStatus) => results.filter((result) => result.status === status).length;
  lines.push("", `${count(CheckStatus.PASS)} passed, ${count(CheckStatus.FAIL)} failed, ${count(CheckStatus.SKIPPED)} skipped`);
  return `${lines.join("\n")}\n`;
}

/** Keys in a fixed order; `fix` is null unless the check failed. */
export function formatJson(header: ReportHeader, results: CheckResult[]): string {
  const failed = results.some((result) => result.status === CheckStatus.FAIL);
  const checks = results.map((result) => ({ name: result.name, status: result.status, detail: result.detail, fix: result.fix ?? null }));
  return `${JSON.stringify({ cluster: header.cluster, region: header.region, status: failed ? "fail" : "pass", checks }, null, 2)}\n`;
}
