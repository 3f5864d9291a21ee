import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatChecklist, formatJson } from "../src/verify/report";
import { CHECK_NAMES, fail, pass, skipped } from "../src/verify/result";

const header = { cluster: "demo", region: "eu-west-1" };
const results = [pass("aws-cli", "AWS CLI 2.17.20"), fail("kubectl", "`kubectl` is not on PATH", "install kubectl"), skipped("get-nodes", "kubectl is not installed")];

test("colour only when asked (the CLI asks on a TTY without NO_COLOR)", () => {
  expect(formatChecklist(header, results, true)).toContain("\u001b[31mFAIL\u001b[0m  kubectl    `kubectl` is not on PATH");
  expect(formatChecklist(header, results, false)).toBe(
    [
      "EKS access from this host: cluster demo in eu-west-1",
      "",
      "PASS  aws-cli    AWS CLI 2.17.20",
      "FAIL  kubectl    `kubectl` is not on PATH",
      "                 fix: install kubectl",
      "SKIP  get-nodes  kubectl is not installed",
      "",
      "1 passed, 1 failed, 1 skipped",
      "",
    ].join("\n"),
  );
});

test("JSON: fixed keys, fix null unless failed", () => {
  expect(JSON.parse(formatJson(header, results))).toEqual({
    cluster: "demo",
    region: "eu-west-1",
    status: "fail",
    checks: [
      { name: "aws-cli", status: "pass", detail: "AWS CLI 2.17.20", fix: null },
      { name: "kubectl", status: "fail", detail: "`kubectl` is not on PATH", fix: "install kubectl" },
      { name: "get-nodes", status: "skipped", detail: "kubectl is not installed", fix: null },
    ],
  });
});

test("the README documents every check name", () => {
  const docs = readFileSync(join(__dirname, "..", "README.md"), "utf8");
  for (const name of CHECK_NAMES) expect(docs).toContain(`\`${name}\``);
});
