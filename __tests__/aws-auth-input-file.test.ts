import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readInputFile } from "../src/aws-auth/input-file";

const dir = () => mkdtempSync(join(tmpdir(), "input-file-"));

describe("readInputFile", () => {
  test("returns the text of a file", () => {
    const file = join(dir(), "a.yaml");
    writeFileSync(file, "mapRoles: ''\n");
    expect(readInputFile(file)).toBe("mapRoles: ''\n");
  });

  test.each([
    ["/nonexistent/aws-auth.yaml", "/nonexistent/aws-auth.yaml: file not found."],
    [tmpdir(), `${tmpdir()}: is a directory; expected the aws-auth ConfigMap as a file.`],
  ])("%s: one message", (file, message) => {
    expect(() => readInputFile(file)).toThrow(message);
  });

  test("a file over the cap is refused by its size", () => {
    const file = join(dir(), "big.yaml");
    writeFileSync(file, "x".repeat(101));
    expect(() => readInputFile(file, 100)).toThrow(
      `${file}: is over 100 bytes; an aws-auth ConfigMap is a few KB. Give the output of kubectl get configmap aws-auth -n kube-system -o yaml.`,
    );
    expect(readInputFile(file, 101)).toHaveLength(101);
  });

  test("a device that never ends stops at the cap (10 MB by default)", () => {
    expect(() => readInputFile("/dev/zero")).toThrow(
      "/dev/zero: is over 10 MB (it is not a regular file and did not end); an aws-auth ConfigMap is a few KB. Give the output of kubectl get configmap aws-auth -n kube-system -o yaml.",
    );
  });
});
