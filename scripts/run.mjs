// `node scripts/run.mjs dist/main.js [args]`: brings dist/ up to date, then runs the entry point
// in this same process (one Node start instead of two: the synth's time budget is ~0.6 s).
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { build } from "./build.mjs";

const [entry, ...args] = process.argv.slice(2);
await build();
process.argv = [process.argv[0], resolve(entry), ...args];
createRequire(join(process.cwd(), "noop.js"))(resolve(entry));
