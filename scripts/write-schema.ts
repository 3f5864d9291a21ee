// Writes jumphost.config.schema.json from the same definition the validator uses (`npm run schema`).
// A test fails when the committed file differs, so the two cannot drift.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { configJsonSchema } from "../src/config/json-schema";

const target = join(__dirname, "..", "..", "jumphost.config.schema.json");
writeFileSync(target, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
