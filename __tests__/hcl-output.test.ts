// SYNTH_HCL_OUTPUT=true writes cdk.tf; parsed back with @cdktf/hcl2json it must say what cdk.tf.json
// says. cdktf 0.21 renders lifecycle conditions wrongly in HCL (see src/hcl-conditions.ts).
import { parse } from "@cdktf/hcl2json";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSynth } from "../src/cli/synth";

/** The fleet example through the synth CLI, as JSON or as (formatted) HCL. */
async function synthesize(hclOutput: boolean): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), "hcl-"));
  const env = { JUMPHOST_CONFIG: join(__dirname, "..", "examples", "fleet.config.json"), CDKTF_OUTDIR: outdir, SYNTH_HCL_OUTPUT: String(hclOutput) };
  expect(await runSynth({ env, out: () => undefined, err: () => undefined })).toBe(0);
  return outdir;
}

/**
 * Drops cdktf metadata, folds HCL's one-item block lists and the spaces `terraform fmt` puts inside
 * braces of expressions (`jsonencode({ ... })`), so both forms compare.
 */
function normalize(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\{ /g, "{").replace(/ \}/g, "}");
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
  let jsonDir: string;
  let hclDir: string;
  beforeAll(async () => {
    jsonDir = await synthesize(false);
    hclDir = await synthesize(true);
  });

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
    expect(text).toMatch(/lifecycle \{\n +postcondition \{\n +condition += /);
    expect(text).not.toContain("postcondition = [");
  });

  it("writes import blocks with references to the resources they adopt", () => {
    const text = readFileSync(join(hclDir, "stacks", "prod-access", "cdk.tf"), "utf8");
    expect(text).toContain(
      'import {\n  to = aws_eks_access_entry.prod-eu-1__role-eks-cluster-creator\n  id = "prod-eu-1:${data.aws_iam_role.role-eks-cluster-creator.arn}"\n}',
    );
  });

  it("writes required_version as an attribute of the terraform block", () => {
    const text = readFileSync(join(hclDir, "stacks", "prod-access", "cdk.tf"), "utf8");
    expect(text).toMatch(/\n  required_version = ">= 1.11"\n\}/);
    expect(text).not.toContain('0 = "required_version"');
  });
});
