// `npm run bench`: speed and memory of the synth against `node -e "require('cdktf')"`, measured
// alternately in one run so machine noise hits both sides; prints tables and exits 1 on a miss.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fleetConfig } from "./fleet-config.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "bench-"));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

/** Runs a command; returns wall seconds and the peak RSS (MB) of its node processes. */
function run(command, args, env = {}) {
  const rssFile = join(work, "rss.txt");
  writeFileSync(rssFile, "");
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile, NODE_OPTIONS: `--require ${join(root, "scripts", "peak-rss.cjs")}` },
    encoding: "utf8",
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr}`);
  const processes = readFileSync(rssFile, "utf8").trim().split("\n").map((line) => {
    const [kb, script] = line.split(" ");
    return { mb: Number(kb) / 1024, script };
  });
  // The synth itself (run.mjs or dist/main.js), not npm's own process around it.
  const synth = processes.filter((p) => /(run\.mjs|main\.js)$/.test(p.script));
  return { seconds, peakMb: Math.max(...(synth.length ? synth : processes).map((p) => p.mb)) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n, digits = 2) => n.toFixed(digits);
let failed = false;
function row(cells) {
  console.log(`| ${cells.join(" | ")} |`);
}
function check(name, value, limit, unit) {
  const ok = value <= limit;
  failed ||= !ok;
  row([name, `${fmt(value)}${unit}`, `<= ${limit}${unit}`, ok ? "ok" : "MISSED"]);
}

spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], { stdio: "inherit" });

// 1. The default config through `npm run synth`, alternated with the baseline.
const baseline = [];
const synth = [];
for (let i = 0; i < ROUNDS; i++) {
  baseline.push(run(process.execPath, ["-e", "require('cdktf')"]));
  synth.push(run("npm", ["run", "-s", "synth"], { CDKTF_OUTDIR: join(work, "default-out") }));
}
const base = median(baseline.map((r) => r.seconds));
const defaultSeconds = median(synth.map((r) => r.seconds));
console.log(`\nDefault config (${ROUNDS} alternating rounds, medians)\n`);
row(["measure", "value", "target", ""]);
row(["---", "---", "---", "---"]);
row(["node -e \"require('cdktf')\"", `${fmt(base)} s`, "baseline", ""]);
row(["npm run synth", `${fmt(defaultSeconds)} s`, "", ""]);
check("npm run synth / baseline", defaultSeconds / base, 3, "x");
check("npm run synth peak memory (synth process)", Math.max(...synth.map((r) => r.peakMb)), 150, " MB");

// 2. Generated fleets: stacks x clusters x principals, two policies each.
const SHAPES = [
  [1, 1, 1],
  [1, 1, 10],
  [1, 5, 20],
  [5, 10, 20],
  [10, 10, 20],
];
console.log(`\nFleet scaling (node dist/main.js, median of 3 alternated with the baseline; two policies per entry)\n`);
row(["entries", "stacks x clusters x principals", "associations", "seconds", "ms / entry", "peak MB"]);
row(["---", "---", "---", "---", "---", "---"]);
const fleetRuns = new Map();
for (const [stacks, clusters, principals] of SHAPES) {
  const entries = stacks * clusters * principals;
  const config = join(work, `fleet-${entries}.json`);
  writeFileSync(config, JSON.stringify(fleetConfig(stacks, clusters, principals)));
  const runs = [];
  const baselines = [];
  for (let i = 0; i < 3; i++) {
    baselines.push(run(process.execPath, ["-e", "require('cdktf')"]).seconds);
    runs.push(run(process.execPath, ["dist/main.js"], { JUMPHOST_CONFIG: config, CDKTF_OUTDIR: join(work, `fleet-${entries}-out`) }));
  }
  const seconds = median(runs.map((r) => r.seconds));
  const peakMb = Math.max(...runs.map((r) => r.peakMb));
  fleetRuns.set(entries, { seconds, peakMb, baseline: median(baselines) });
  row([entries, `${stacks} x ${clusters} x ${principals}`, entries * 2, fmt(seconds), fmt((seconds * 1000) / entries, 1), fmt(peakMb, 0)]);
}
const largest = fleetRuns.get(2000);
console.log("");
row(["measure", "value", "target", ""]);
row(["---", "---", "---", "---"]);
row(["node -e \"require('cdktf')\" (alternated with the 2,000-entry runs)", `${fmt(largest.baseline)} s`, "baseline", ""]);
check("2,000-entry fleet / baseline", largest.seconds / largest.baseline, 20, "x");
check("2,000-entry fleet peak memory", largest.peakMb, 400, " MB");

rmSync(work, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
