// `node scripts/run.mjs dist/ENTRY.js [args]`: brings dist/ up to date, then calls the entry's
// exported main(args) in this same process (one Node start instead of two: the synth's whole time
// budget is ~0.6 s). main returns the exit code.
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { build } from "./build.mjs";

const [entry, ...args] = process.argv.slice(2);
await build();
const { main } = createRequire(import.meta.url)(resolve(entry));
try {
  process.exitCode = await main(args);
} catch (error) {
  process.stderr.write(`${entry}: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
}
