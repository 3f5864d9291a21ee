import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "../src/config/config-error";
import { configPath, loadConfig } from "../src/config/load";

const dir = mkdtempSync(join(tmpdir(), "config-load-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("loadConfig", () => {
  it("reads the committed default config", () => {
    expect(loadConfig("jumphost.config.json").stacks.map((s) => s.name)).toEqual(["jumphost-access"]);
  });

  it("takes the path from JUMPHOST_CONFIG, else jumphost.config.json", () => {
    expect(configPath({ JUMPHOST_CONFIG: "other.json" })).toBe("other.json");
    expect(configPath({})).toBe("jumphost.config.json");
  });

  it.each<[string, () => string, (path: string) => string]>([
    ["a missing file", () => join(dir, "absent.json"), (p) => `${p}: file not found. Create it (see README, "Config reference") or point JUMPHOST_CONFIG at your config.`],
    ["a directory", () => (mkdirSync(join(dir, "adir"), { recursive: true }), join(dir, "adir")), (p) => `${p}: is a directory; expected a JSON config file.`],
    ["an empty file", () => file("empty.json", ""), (p) => `${p}: is empty; expected a JSON object such as {"stacks": [...]} (see README, "Config reference").`],
    ["white space only", () => file("blank.json", " \n\t\n"), (p) => `${p}: is empty; expected a JSON object such as {"stacks": [...]} (see README, "Config reference").`],
    ["a trailing comma", () => file("comma.json", '{\n  "stacks": [],\n}\n'), (p) => `${p}: invalid JSON at line 3, column 1: Expected double-quoted property name.`],
    ["truncated JSON", () => file("cut.json", '{"stacks": [{"name": "a"'), (p) => `${p}: invalid JSON at line 1, column 25: Expected ',' or '}' after property value.`],
    ["a comment", () => file("comment.json", '{\n  // jumphost\n  "stacks": []\n}'), (p) => `${p}: invalid JSON at line 2, column 3: Expected property name or '}'.`],
  ])("rejects %s with one message naming the file", (_case, makePath, message) => {
    const path = makePath();
    expect(() => loadConfig(path)).toThrow(new ConfigError(message(path)));
  });

  it("rejects an unreadable file", () => {
    const path = file("secret.json", "{}");
    chmodSync(path, 0o000);
    // root reads anything; the message is only checked where permissions apply.
    if (process.getuid?.() === 0) return expect(() => loadConfig(path)).toThrow(ConfigError);
    expect(() => loadConfig(path)).toThrow(new ConfigError(`${path}: cannot be read (EACCES).`));
  });

  it("accepts a UTF-8 byte order mark", () => {
    const path = file("bom.json", `\uFEFF${JSON.stringify({ stacks: [{ name: "a", clusters: [{ name: "c", principals: [{ roleName: "r" }] }] }] })}`);
    expect(loadConfig(path).stacks[0]!.name).toBe("a");
  });
});
