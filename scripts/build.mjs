// Transpiles the TypeScript sources to dist/ without type-checking (tsc --noEmit does that in
// `npm test`). Skips the work when dist/ is newer than every source, so `npm run synth` pays for
// esbuild (~0.2 s, most of it starting its binary) only after an edit.
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stamp = join(root, "dist", ".build-stamp");

function tsFiles(dir) {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(rel);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [rel] : [];
  });
}

/** Builds dist/ when a source is newer than the last build; returns whether it built. */
export async function build({ force = false } = {}) {
  const sources = [...(existsSync(join(root, "main.ts")) ? ["main.ts"] : []), ...tsFiles("src"), ...tsFiles("scripts")];
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  // The build script itself counts: a change to how we build must rebuild.
  const newest = Math.max(...[...sources, "scripts/build.mjs"].map((file) => statSync(join(root, file)).mtimeMs));
  if (!force && built > newest) return false;
  // A forced build starts clean, so modules of deleted or renamed sources do not linger.
  if (force) rmSync(join(root, "dist"), { recursive: true, force: true });
  const { buildSync } = await import("esbuild");
  buildSync({
    absWorkingDir: root,
    entryPoints: sources,
    outdir: "dist",
    outbase: ".",
    format: "cjs",
    platform: "node",
    target: "node20",
    sourcemap: false,
    logLevel: "error",
  });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await build({ force: process.argv.includes("--force") });
