import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runSynth } from "../src/cli/synth";
import { GUIDE_CONFIG } from "./helpers/synth";

const ROOT = resolve(__dirname, "..");

function workspace(config: unknown = GUIDE_CONFIG): { dir: string; config: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "synth-cli-"));
  const configFile = join(dir, "jumphost.config.json");
  writeFileSync(configFile, typeof config === "string" ? config : JSON.stringify(config));
  return { dir, config: configFile, out: join(dir, "cdktf.out") };
}

async function run(env: Record<string, string>): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSynth({ env, out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

const stackFile = (out: string, stack = "jumphost-access", file = "cdk.tf.json") => join(out, "stacks", stack, file);

describe("npm run synth", () => {
  it("writes one stack per config stack and the manifest, and says where", async () => {
    const ws = workspace();
    const result = await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out });
    expect(result.code).toBe(0);
    expect(result.out).toEqual([`Synthesized 1 stack(s) from ${ws.config} to ${join(ws.out, "stacks")}: jumphost-access`]);
    expect(JSON.parse(readFileSync(stackFile(ws.out), "utf8")).resource.aws_eks_access_entry).toBeDefined();
    expect(JSON.parse(readFileSync(join(ws.out, "manifest.json"), "utf8")).stacks["jumphost-access"].synthesizedStackPath).toBe("stacks/jumphost-access/cdk.tf.json");
  });

  it("prints the AdminView warning on stderr without failing", async () => {
    const ws = workspace();
    const result = await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out });
    expect(result.code).toBe(0);
    expect(result.err).toEqual([
      `warning: ${ws.config}: stacks[0].clusters[0].principals[0].accessPolicies[1]: AmazonEKSAdminViewPolicy can read every Secret in the cluster.`,
    ]);
  });

  it("on bad input prints one message, exits 1 and leaves the previous output as it was", async () => {
    const ws = workspace();
    expect((await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out })).code).toBe(0);
    const before = readFileSync(stackFile(ws.out));
    writeFileSync(ws.config, JSON.stringify({ stacks: [{ name: "jumphost-access", clusters: [] }] }));
    const result = await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out });
    expect(result).toEqual({
      code: 1,
      out: [],
      err: [`error: ${ws.config}: stacks[0].clusters: [] is empty; it needs at least one item: EKS clusters of this stack.`],
    });
    expect(readFileSync(stackFile(ws.out))).toEqual(before);
    expect(readdirSync(ws.dir).sort()).toEqual(["cdktf.out", "jumphost.config.json"]);
  });

  it("fails a config that IAM limits cannot hold before writing anything", async () => {
    const clusters = Array.from({ length: 200 }, (_, i) => ({ name: `c${i}-${"x".repeat(90)}`, principals: [{ roleName: "jumphost" }] }));
    const ws = workspace({ stacks: [{ name: "big", clusters }] });
    const result = await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out });
    expect(result.code).toBe(1);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(new RegExp(`^error: ${ws.config}: stack "big": roleName "jumphost" is on 200 clusters; .* need 12 IAM policies`));
    expect(existsSync(ws.out)).toBe(false);
  });

  it("keeps state and .terraform in a stack folder, and drops only generated files of removed stacks", async () => {
    const ws = workspace();
    await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out });
    writeFileSync(stackFile(ws.out, "jumphost-access", "terraform.jumphost-access.tfstate"), "{}");
    mkdirSync(join(ws.out, "stacks", "old"), { recursive: true });
    writeFileSync(stackFile(ws.out, "old"), "{}");
    writeFileSync(stackFile(ws.out, "old", "terraform.old.tfstate"), "{}");
    mkdirSync(join(ws.out, "stacks", "gone"));
    writeFileSync(stackFile(ws.out, "gone"), "{}");
    expect((await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out })).code).toBe(0);
    expect(readdirSync(join(ws.out, "stacks", "jumphost-access")).sort()).toEqual(["cdk.tf.json", "terraform.jumphost-access.tfstate"]);
    expect(readdirSync(join(ws.out, "stacks", "old"))).toEqual(["terraform.old.tfstate"]);
    // The emptied folder stays: `cdktf synth` removes orphaned stack folders itself and fails if one is gone.
    expect(readdirSync(join(ws.out, "stacks", "gone"))).toEqual([]);
  });

  it("writes cdk.tf instead of cdk.tf.json with SYNTH_HCL_OUTPUT=true", async () => {
    const ws = workspace();
    await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out });
    expect((await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out, SYNTH_HCL_OUTPUT: "true" })).code).toBe(0);
    expect(readdirSync(join(ws.out, "stacks", "jumphost-access")).sort()).toEqual(["cdk.tf", "metadata.json"]);
    // Formatted as `terraform fmt` (and `cdktf synth --hcl`) would.
    expect(readFileSync(stackFile(ws.out, "jumphost-access", "cdk.tf"), "utf8")).toContain('resource "aws_eks_access_entry" "my-eks-cluster__role-jumphost" {\n  cluster_name  = "my-eks-cluster"\n');
  });
});

describe("the output folder", () => {
  it("writes through a symbolic link to the output folder", async () => {
    const ws = workspace();
    const real = mkdtempSync(join(tmpdir(), "real-out-"));
    symlinkSync(real, ws.out);
    expect((await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out })).code).toBe(0);
    expect(existsSync(join(real, "stacks", "jumphost-access", "cdk.tf.json"))).toBe(true);
    expect(readdirSync(real).sort()).toEqual(["manifest.json", "stacks"]);
  });

  it("says so when CDKTF_OUTDIR is a file", async () => {
    const ws = workspace();
    writeFileSync(ws.out, "");
    expect(await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out })).toEqual({
      code: 1,
      out: [],
      err: [expect.stringContaining("warning: "), `error: ${ws.out}: is not a folder; set CDKTF_OUTDIR to a folder for the synthesized stacks.`],
    });
  });

  it("ignores files beside the stack folders", async () => {
    const ws = workspace();
    mkdirSync(join(ws.out, "stacks"), { recursive: true });
    writeFileSync(join(ws.out, "stacks", ".DS_Store"), "");
    expect((await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out })).code).toBe(0);
    expect((await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out })).code).toBe(0);
  });

  it("changes nothing when a target cannot be replaced", async () => {
    const config = { stacks: [{ name: "a", clusters: [{ name: "c", principals: [{ roleName: "r" }] }] }, { name: "b", clusters: [{ name: "d", principals: [{ roleName: "r" }] }] }] };
    const ws = workspace(config);
    expect((await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out })).code).toBe(0);
    const before = readFileSync(stackFile(ws.out, "a"));
    const blocker = stackFile(ws.out, "b", "metadata.json");
    mkdirSync(blocker);
    const result = await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out, SYNTH_HCL_OUTPUT: "true" });
    expect(result.err).toEqual([`error: ${blocker}: is not a file; move it away and synthesize again.`]);
    expect(readFileSync(stackFile(ws.out, "a"))).toEqual(before);
    expect(existsSync(stackFile(ws.out, "a", "cdk.tf"))).toBe(false);
  });

  it("removes staging folders of interrupted synths, and only those", async () => {
    const ws = workspace();
    mkdirSync(join(ws.out, ".staging-999999999-abc"), { recursive: true });
    mkdirSync(join(ws.out, `.staging-${process.pid}-live`), { recursive: true });
    expect((await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out })).code).toBe(0);
    expect(readdirSync(ws.out).sort()).toEqual([`.staging-${process.pid}-live`, "manifest.json", "stacks"]);
  });
});

describe("main.ts as a process", () => {
  beforeAll(() => execFileSync(process.execPath, [join(ROOT, "scripts", "build.mjs")]));

  function synthIn(dir: string, config: string) {
    return spawnSync(process.execPath, [join(ROOT, "dist", "main.js")], { cwd: dir, env: { PATH: process.env.PATH, JUMPHOST_CONFIG: config }, encoding: "utf8" });
  }

  it("writes byte-identical output from any checkout folder", () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), "checkout-a-")), mkdtempSync(join(tmpdir(), "nested-"))];
    const bDeep = join(b, "some", "other", "place");
    mkdirSync(bDeep, { recursive: true });
    for (const dir of [a, bDeep]) {
      cpSync(join(ROOT, "jumphost.config.json"), join(dir, "jumphost.config.json"));
      expect(synthIn(dir, "jumphost.config.json").status).toBe(0);
    }
    const read = (dir: string) => readFileSync(join(dir, "cdktf.out", "stacks", "jumphost-access", "cdk.tf.json"));
    expect(read(a).equals(read(bDeep))).toBe(true);
    expect(read(a).toString()).not.toMatch(/checkout-a|nested-|\/tmp\//);
  });

  it("gives the same cdk.tf.json through `cdktf synth` as through npm run synth", async () => {
    const viaCli = mkdtempSync(join(tmpdir(), "cdktf-cli-"));
    const cli = spawnSync(process.execPath, [join(ROOT, "node_modules", "cdktf-cli", "bundle", "bin", "cdktf"), "synth", "--output", viaCli], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CHECKPOINT_DISABLE: "1", JUMPHOST_CONFIG: join(ROOT, "jumphost.config.json") },
      encoding: "utf8",
    });
    expect(cli.status).toBe(0);
    const ws = workspace(JSON.parse(readFileSync(join(ROOT, "jumphost.config.json"), "utf8")));
    expect((await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out })).code).toBe(0);
    expect(readFileSync(stackFile(viaCli)).equals(readFileSync(stackFile(ws.out)))).toBe(true);
  });

  it("exits non-zero with one line and no stack trace on a missing config", () => {
    const dir = mkdtempSync(join(tmpdir(), "missing-"));
    const result = synthIn(dir, "nope.json");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`error: nope.json: file not found. Create it (see README, "Config reference") or point JUMPHOST_CONFIG at your config.\n`);
    expect(result.stdout).toBe("");
    expect(existsSync(join(dir, "cdktf.out"))).toBe(false);
  });
});

describe("IAM limits across stacks", () => {
  it("counts a principal's policies over every stack of one account", async () => {
    const clusters = (prefix: string) => Array.from({ length: 60 }, (_, i) => ({ name: `${prefix}${i}-${"x".repeat(90)}`, principals: [{ roleName: "jumphost" }] }));
    const ws = workspace({ stacks: ["a", "b", "c"].map((name) => ({ name, clusters: clusters(name) })) });
    const result = await run({ JUMPHOST_CONFIG: ws.config, CDKTF_OUTDIR: ws.out });
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `error: ${ws.config}: roleName "jumphost" gets 12 eks:DescribeCluster policies across stacks "a", "b", "c" of one account; IAM attaches at most 10 managed policies to one principal. Set "describeClusterPolicy": false on some of its clusters, or give them fewer stacks.`,
    ]);
  });
});
