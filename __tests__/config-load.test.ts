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

describe("loadConfig, files that are not plain UTF-8 JSON", () => {
  it.each<[string, string | Buffer, (path: string) => string]>([
    [
      "a key given twice",
      '{"stacks": [{"name": "s", "clusters": [{"name": "c", "principals": [{"roleName": "r",\n "accessPolicies": [{"policy": "AmazonEKSClusterAdminPolicy", "policy": "AmazonEKSViewPolicy"}]}]}]}]}',
      (p) => `${p}: stacks[0].clusters[0].principals[0].accessPolicies[0].policy: the key "policy" appears twice in the same object (the second at line 2); JSON keeps only the last one. Keep one.`,
    ],
    ["UTF-16", Buffer.from("\ufeff{}", "utf16le"), (p) => `${p}: is not UTF-8 text (it is UTF-16); save it as UTF-8 JSON.`],
    ["binary", Buffer.from([0x7b, 0x00, 0x7d]), (p) => `${p}: is not UTF-8 text (it holds NUL bytes); save it as UTF-8 JSON.`],
    ["text after the JSON value", '{"stacks": []} x', (p) => `${p}: invalid JSON at line 1, column 16: Unexpected non-whitespace character after the end of the JSON value.`],
    ["over 10 MB", `{"stacks": [], "pad": "${"x".repeat(10 * 1024 * 1024)}"}`, (p) => `${p}: is larger than 10 MB; that is not a config file.`],
  ])("rejects %s", (_case, body, message) => {
    const path = join(dir, `${_case.replace(/\W+/g, "-")}.json`);
    writeFileSync(path, body);
    expect(() => loadConfig(path)).toThrow(new ConfigError(message(path)));
  });

  it("stops reading an endless file", () => {
    expect(() => loadConfig("/dev/zero")).toThrow(new ConfigError("/dev/zero: is larger than 10 MB; that is not a config file."));
  });

  it("does not mistake keys of sibling objects for duplicates", () => {
    const path = file("siblings.json", JSON.stringify({ stacks: [{ name: "a", clusters: [{ name: "c", principals: [{ roleName: "r" }, { roleName: "s" }] }] }, { name: "b", clusters: [{ name: "c2", principals: [{ roleName: "r" }] }] }] }));
    expect(loadConfig(path).stacks).toHaveLength(2);
  });
});
