// The YAML failures of an aws-auth file, through parseAwsAuth: each is one message with the place.
import { AwsAuthInputError } from "../src/aws-auth/errors";
import { parseAwsAuth } from "../src/aws-auth/parse";

const parseText = (text: string) => parseAwsAuth(text, "aws-auth.yaml");
const ROLE = "arn:aws:iam::111122223333:role/ops";
// Far deeper than the parser's stack allows, in flow and block style.
const deepFlow = `mapRoles: ${"[".repeat(10000)}${"]".repeat(10000)}\n`;
const deepBlock = Array.from({ length: 5000 }, (_, depth) => `${" ".repeat(depth)}a:`).join("\n");

describe("parseYaml", () => {
  test.each([
    ["nested flow lists", deepFlow],
    ["nested block maps", deepBlock],
  ])("%s nested too deeply: not an aws-auth ConfigMap", (_what, text) => {
    expect(() => parseText(text)).toThrow(
      new AwsAuthInputError(
        "aws-auth.yaml: the YAML is nested too deeply to read; this is not an aws-auth ConfigMap (kubectl get configmap aws-auth -n kube-system -o yaml).",
      ),
    );
  });

  test("a section nested too deeply names the section", () => {
    const text = `mapRoles: '${"[".repeat(10000)}${"]".repeat(10000)}'\n`;
    expect(() => parseText(text)).toThrow(new AwsAuthInputError("aws-auth.yaml: data.mapRoles is nested too deeply to read; it must hold a list of entries."));
  });

  test.each([
    ["two", "mapRoles: ''\n---\nmapUsers: ''\n", 2],
    ["three", "---\nmapRoles: ''\n---\nmapUsers: ''\n---\nkind: ConfigMap\n", 3],
  ])("a file of %s documents: give the ConfigMap alone", (_what, text, count) => {
    expect(() => parseText(text)).toThrow(
      new AwsAuthInputError(
        `aws-auth.yaml: the file holds ${count} YAML documents; give the aws-auth ConfigMap alone (kubectl get configmap aws-auth -n kube-system -o yaml).`,
      ),
    );
  });

  test("a section of several documents names the section", () => {
    const text = `mapRoles: |\n  - rolearn: ${ROLE}\n  ---\n  - rolearn: ${ROLE}\n`;
    expect(() => parseText(text)).toThrow(new AwsAuthInputError("aws-auth.yaml: data.mapRoles holds 2 YAML documents (separated by ---); it must hold one list."));
  });

  test.each([
    ["in the file", "groups: &g [a]\nmapRoles: *g\n", "line 2, column 11 of the file: the YAML alias *g"],
    [
      "in a section",
      `mapRoles: |\n  - rolearn: ${ROLE}\n    groups: &g [a]\n  - rolearn: ${ROLE}x\n    groups: *g\n`,
      "line 4, column 11 of data.mapRoles (line 5 of the file): the YAML alias *g",
    ],
  ])("an alias %s: not supported, with its place", (_what, text, where) => {
    expect(() => parseText(text)).toThrow(new AwsAuthInputError(`aws-auth.yaml: ${where} is not supported in an aws-auth file; write the value out in full.`));
  });

  test("an anchor without an alias is harmless", () => {
    expect(parseText(`mapRoles: &r |\n  - rolearn: ${ROLE}\n`).roles).toHaveLength(1);
  });
});
