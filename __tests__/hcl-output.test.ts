// SYNTH_HCL_OUTPUT=true writes cdk.tf; parsed back with @cdktf/hcl2json it must say what cdk.tf.json
// says. cdktf 0.21 renders lifecycle conditions wrongly in HCL (see src/hcl-conditions.ts).
import { parse } from "@cdktf/hcl2json";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../src/app";
import { loadConfig } from "../src/config/load";

const fleet = loadConfig(join(__dirname, "..", "examples", "fleet.config.json"));

function synthesize(hclOutput: boolean): string {
  const outdir = mkdtempSync(join(tmpdir(), "hcl-"));
  buildApp(fleet, { outdir, hclOutput }).app.synth();
  return outdir;
}

/** Drops cdktf metadata and folds HCL's one-item block lists, so both forms compare. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 1 ? normalize(value[0]) : value.map(normalize);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "//")
        .map(([key, item]) => [key, normalize(item)]),
    );
  }
  return value;
}

describe("HCL output", () => {
  const jsonDir = synthesize(false);
  const hclDir = synthesize(true);

  it.each(["prod-access", "staging-access"])("%s: cdk.tf parses back to the same configuration as cdk.tf.json", async (stack) => {
    const json = JSON.parse(readFileSync(join(jsonDir, "stacks", stack, "cdk.tf.json"), "utf8"));
    const hcl = await parse("cdk.tf", readFileSync(join(hclDir, "stacks", stack, "cdk.tf"), "utf8"));
    const { "//": _metadata, ...config } = json;
    // An import block's `to` is a bare reference in HCL, which hcl2json writes as "${...}"; Terraform's
    // JSON syntax writes the same address as a plain string.
    for (const block of (hcl as { import?: Array<{ to: string }> }).import ?? []) block.to = block.to.replace(/^\$\{(.*)\}$/, "$1");
    expect(normalize(hcl)).toEqual(normalize(config));
  });

  it("renders postconditions as blocks, which Terraform requires", () => {
    const text = readFileSync(join(hclDir, "stacks", "prod-access", "cdk.tf"), "utf8");
    expect(text).toMatch(/lifecycle \{\npostcondition \{\ncondition = /);
    expect(text).not.toContain("postcondition = [");
  });

  it("writes import blocks with references to the resources they adopt", () => {
    const text = readFileSync(join(hclDir, "stacks", "prod-access", "cdk.tf"), "utf8");
    expect(text).toContain(
      'import {\nto = aws_eks_access_entry.prod-eu-1__role-eks-cluster-creator\nid = "prod-eu-1:${data.aws_iam_role.role-eks-cluster-creator.arn}"\n}',
    );
  });
});
