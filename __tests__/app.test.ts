import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../src/app";
import { GUIDE_CONFIG } from "./helpers/synth";

function synthesize(hclOutput: boolean | undefined): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "app-"));
  buildApp(GUIDE_CONFIG, { outdir: dir, hclOutput }).app.synth();
  return { dir, files: readdirSync(join(dir, "stacks", "jumphost-access")).sort() };
}

describe("buildApp", () => {
  const saved = process.env.SYNTH_HCL_OUTPUT;
  afterEach(() => {
    if (saved === undefined) delete process.env.SYNTH_HCL_OUTPUT;
    else process.env.SYNTH_HCL_OUTPUT = saved;
  });

  it("writes JSON by default", () => {
    delete process.env.SYNTH_HCL_OUTPUT;
    expect(synthesize(undefined).files).toEqual(["cdk.tf.json"]);
  });

  it.each<[string | undefined, boolean, "hcl" | "json"]>([
    [undefined, true, "hcl"],
    ["true", false, "hcl"],
    ["false", true, "json"],
  ])("SYNTH_HCL_OUTPUT=%s with hclOutput %s: the file name and its content agree (%s)", (env, hclOutput, expected) => {
    if (env === undefined) delete process.env.SYNTH_HCL_OUTPUT;
    else process.env.SYNTH_HCL_OUTPUT = env;
    const { dir, files } = synthesize(hclOutput);
    const file = expected === "hcl" ? "cdk.tf" : "cdk.tf.json";
    expect(files).toContain(file);
    const text = readFileSync(join(dir, "stacks", "jumphost-access", file), "utf8");
    if (expected === "hcl") expect(text).toMatch(/^terraform \{/);
    else expect(() => JSON.parse(text)).not.toThrow();
  });
});
