// Reads jumphost.config.json. Every way the file can be wrong ends in one ConfigError whose
// message names the file, and never in a stack trace.
import { closeSync, openSync, readSync } from "node:fs";
import { ConfigError } from "./config-error";
import { findDuplicateKey } from "./duplicate-keys";
import type { JumphostConfig } from "./types";
import { validateConfig } from "./validate";

/** Where the config is read from: $JUMPHOST_CONFIG, else jumphost.config.json in the working directory. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.JUMPHOST_CONFIG || "jumphost.config.json";
}

export function loadConfig(file: string): JumphostConfig {
  return validateConfig(parseConfig(readConfigText(file), file), file);
}

/** Far above any real config (a 2,000-entry fleet is ~0.5 MB); keeps /dev/zero from hanging us. */
const MAX_BYTES = 10 * 1024 * 1024;

function readConfigText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readCapped(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new ConfigError(`${file}: file not found. Create it (see README, "Config reference") or point JUMPHOST_CONFIG at your config.`);
    }
    if (code === "EISDIR") throw new ConfigError(`${file}: is a directory; expected a JSON config file.`);
    throw new ConfigError(`${file}: cannot be read (${code ?? String(err)}).`);
  }
  if (bytes.length > MAX_BYTES) throw new ConfigError(`${file}: is larger than ${MAX_BYTES / 1024 / 1024} MB; that is not a config file.`);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 || bytes.includes(0)) {
    throw new ConfigError(`${file}: is not UTF-8 text (${utf16 ? "it is UTF-16" : "it holds NUL bytes"}); save it as UTF-8 JSON.`);
  }
  return bytes.toString("utf8");
}

/** Reads at most MAX_BYTES + 1 bytes, so an endless file stops being read. */
function readCapped(file: string): Buffer {
  const fd = openSync(file, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1024 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > MAX_BYTES) break;
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

/** JSON.parse with the error turned into file, line and column. */
export function parseConfig(text: string, file: string): unknown {
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") {
    throw new ConfigError(`${file}: is empty; expected a JSON object such as {"stacks": [...]} (see README, "Config reference").`);
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    const message = (err as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(body, Number(position[1]))}` : "";
    const reason = message
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/ after JSON at position \d+.*$/s, " after the end of the JSON value")
      .replace(/, ".*" is not valid JSON$/s, "");
    throw new ConfigError(`${file}: invalid JSON${where}: ${reason}.`);
  }
  const duplicate = findDuplicateKey(body);
  if (duplicate) {
    throw new ConfigError(
      `${file}: ${duplicate.path}: the key ${JSON.stringify(duplicate.key)} appears twice in the same object (the second at line ${duplicate.line}); JSON keeps only the last one. Keep one.`,
    );
  }
  return value;
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}
