// Reads jumphost.config.json. Every way the file can be wrong ends in one ConfigError whose
// message names the file, and never in a stack trace.
import { readFileSync } from "node:fs";
import { ConfigError } from "./config-error";
import type { JumphostConfig } from "./types";
import { validateConfig } from "./validate";

/** Where the config is read from: $JUMPHOST_CONFIG, else jumphost.config.json in the working directory. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.JUMPHOST_CONFIG || "jumphost.config.json";
}

export function loadConfig(file: string): JumphostConfig {
  return validateConfig(parseConfig(readConfigText(file), file), file);
}

function readConfigText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new ConfigError(`${file}: file not found. Create it (see README, "Config reference") or point JUMPHOST_CONFIG at your config.`);
    }
    if (code === "EISDIR") throw new ConfigError(`${file}: is a directory; expected a JSON config file.`);
    throw new ConfigError(`${file}: cannot be read (${code ?? String(err)}).`);
  }
}

/** JSON.parse with the error turned into file, line and column. */
export function parseConfig(text: string, file: string): unknown {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") {
    throw new ConfigError(`${file}: is empty; expected a JSON object such as {"stacks": [...]} (see README, "Config reference").`);
  }
  try {
    return JSON.parse(body);
  } catch (err) {
    const message = (err as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(body, Number(position[1]))}` : "";
    const reason = message.replace(/ in JSON at position \d+.*$/s, "").replace(/^JSON\.parse: /, "");
    throw new ConfigError(`${file}: invalid JSON${where}: ${reason}.`);
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}
