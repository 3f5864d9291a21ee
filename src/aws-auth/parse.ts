// Reads an aws-auth ConfigMap the way EKS does: the data keys are strings holding YAML or JSON,
// keys inside entries are case-insensitive, and every scalar is read as a string (the failsafe
// schema), so an unquoted account ID such as 012345670123 keeps its leading zero.
import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, type YAMLMap } from "yaml";
import { parseIamArn, type IamArn } from "./arn";
import { AwsAuthInputError } from "./errors";
import { parseYaml } from "./yaml-text";

export type SectionName = "mapRoles" | "mapUsers" | "mapAccounts";
export type EntrySectionName = Exclude<SectionName, "mapAccounts">;
const SECTIONS: readonly SectionName[] = ["mapRoles", "mapUsers", "mapAccounts"];

/** Where an entry came from, for messages: `data.mapRoles entry 3 (line 12)`. */
export interface EntryOrigin {
  readonly section: SectionName;
  /** 1-based position in its section. */
  readonly position: number;
  readonly label: string;
}

/** One mapRoles or mapUsers entry. */
export interface MapEntry {
  readonly origin: EntryOrigin;
  readonly arn: IamArn;
  /** Undefined when the entry has no username. */
  readonly username?: string;
  readonly groups: readonly string[];
  /** Keys EKS ignores, as written. */
  readonly ignoredKeys: readonly string[];
  /** Keys written more than once (in any letter case); the last one counts, as in EKS. */
  readonly repeatedKeys: readonly string[];
}

/** One mapAccounts entry. */
export interface AccountEntry {
  readonly origin: EntryOrigin;
  readonly account: string;
}

/** Everything aws-auth holds, plus remarks about the file itself (for the report). */
export interface AwsAuthData {
  readonly roles: readonly MapEntry[];
  readonly users: readonly MapEntry[];
  readonly accounts: readonly AccountEntry[];
  readonly remarks: readonly string[];
}

/** Parses the text of `kubectl get configmap aws-auth -n kube-system -o yaml|json`, or a bare data map. */
export function parseAwsAuth(text: string, file: string): AwsAuthData {
  const lines = new LineCounter();
  const doc = parseYaml(text, { file, where: "the file", lines, toFileLine: (line) => line });
  const remarks: string[] = [];
  const data = findData(doc.contents, file, remarks);
  const sections = new Map<SectionName, Node>();
  for (const pair of data.items) {
    const key = scalarText(pair.key);
    if (key !== undefined && (SECTIONS as readonly string[]).includes(key) && pair.value) {
      sections.set(key as SectionName, pair.value as Node);
    } else if (key !== undefined) {
      remarks.push(`data.${key}: not an aws-auth key; ignored${caseHint(key)}.`);
    }
  }
  if (sections.size === 0) {
    throw new AwsAuthInputError(
      `${file}: no aws-auth data: expected data.mapRoles, data.mapUsers or data.mapAccounts` +
        ` (the keys are case-sensitive); found ${listOrNone(data.items.map((pair) => scalarText(pair.key) ?? "?"))}.`,
    );
  }
  const read = (name: SectionName) => {
    const node = sections.get(name);
    return node ? readSection(node, name, file, lines, remarks) : [];
  };
  const roleItems = read("mapRoles");
  const userItems = read("mapUsers");
  const accountItems = read("mapAccounts");
  return {
    roles: roleItems.map((item) => readEntry(item, "mapRoles", file)),
    users: userItems.map((item) => readEntry(item, "mapUsers", file)),
    accounts: accountItems.map((item) => readAccount(item, file)),
    remarks,
  };
}

/** An item of a section, with its label for messages. */
interface SectionItem {
  readonly node: Node;
  readonly origin: EntryOrigin;
}

// Finds the data map: a ConfigMap's `data`, `{data: ...}`, or the map itself.
function findData(root: unknown, file: string, remarks: string[]): YAMLMap {
  if (!isMap(root)) {
    throw new AwsAuthInputError(`${file}: expected a ConfigMap or a map of mapRoles/mapUsers/mapAccounts; found ${describe(root)}.`);
  }
  const kind = scalarText(root.get("kind", true));
  if (kind !== undefined && kind !== "ConfigMap") {
    const hint = kind === "List" ? " Use `kubectl get configmap aws-auth -n kube-system -o yaml`." : "";
    throw new AwsAuthInputError(`${file}: is a ${kind}, not a ConfigMap.${hint}`);
  }
  const metadata = root.get("metadata", true);
  if (isMap(metadata)) {
    const name = scalarText(metadata.get("name", true));
    if (name !== undefined && name !== "aws-auth") remarks.push(`The ConfigMap is named "${name}", not "aws-auth"; read anyway.`);
    const namespace = scalarText(metadata.get("namespace", true));
    if (namespace !== undefined && namespace !== "kube-system") {
      remarks.push(`The ConfigMap is in namespace "${namespace}"; EKS reads only kube-system/aws-auth. Read anyway.`);
    }
  }
  if (kind === undefined && !root.has("data")) return root;
  const data = root.get("data", true);
  if (!isMap(data)) {
    throw new AwsAuthInputError(`${file}: no aws-auth data: the ConfigMap has no data map (found ${describe(data)}).`);
  }
  return data;
}

// A section is a string holding YAML or JSON; a bare data map may also hold the list itself.
function readSection(node: Node, name: SectionName, file: string, lines: LineCounter, remarks: string[]): SectionItem[] {
  const where = `data.${name}`;
  if (isSeq(node)) {
    remarks.push(`${where} is a list, not a string; a ConfigMap needs a string there. Read anyway.`);
    return node.items.map((item, index) => itemOf(item as Node, name, index, lineOf(item as Node, lines)));
  }
  const text = scalarText(node);
  if (text === undefined) {
    throw new AwsAuthInputError(`${file}: ${where} must be a string holding YAML or JSON; found ${describe(node)}.`);
  }
  // Lines of a literal block (`mapRoles: |`) map one to one onto the file's lines.
  const firstLine = isScalar(node) && node.type === "BLOCK_LITERAL" && node.range ? lines.linePos(node.range[0]).line + 1 : undefined;
  const toFileLine = (line: number) => (firstLine === undefined ? undefined : firstLine + line - 1);
  const sectionLines = new LineCounter();
  const doc = parseYaml(text, { file, where, lines: sectionLines, toFileLine });
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && scalarText(contents) === "")) return [];
  if (!isSeq(contents)) {
    throw new AwsAuthInputError(`${file}: ${where} must hold a list; found ${describe(contents)}.`);
  }
  return contents.items.map((item, index) => {
    const line = lineOf(item as Node, sectionLines);
    const fileLine = line === undefined ? undefined : toFileLine(line);
    return itemOf(item as Node, name, index, fileLine ?? line, fileLine === undefined ? where : undefined);
  });
}

function itemOf(node: Node, section: SectionName, index: number, line: number | undefined, lineOfSection?: string): SectionItem {
  const position = index + 1;
  const at = line === undefined ? "" : lineOfSection ? ` (line ${line} of ${lineOfSection})` : ` (line ${line})`;
  return { node, origin: { section, position, label: `data.${section} entry ${position}${at}` } };
}

function readEntry(item: SectionItem, section: EntrySectionName, file: string): MapEntry {
  const { node, origin } = item;
  const arnKey = section === "mapRoles" ? "rolearn" : "userarn";
  if (!isMap(node)) {
    throw new AwsAuthInputError(`${file}: ${origin.label}: expected a map with ${arnKey}, username, groups; found ${describe(node)}.`);
  }
  const fields = new Map<string, Pair>();
  const repeated = new Set<string>();
  const ignored: string[] = [];
  for (const pair of node.items) {
    const written = scalarText(pair.key) ?? "?";
    const key = written.toLowerCase();
    if (key === arnKey || key === "username" || key === "groups") {
      if (fields.has(key)) repeated.add(key);
      fields.set(key, pair);
    } else {
      ignored.push(written);
    }
  }
  const arnPair = fields.get(arnKey);
  if (!arnPair) throw new AwsAuthInputError(`${file}: ${origin.label}: ${missingArnText(arnKey, node, section)}`);
  const arnText = scalarText(arnPair.value);
  if (arnText === undefined) {
    throw new AwsAuthInputError(`${file}: ${origin.label}: ${arnKey} must be a string; found ${describe(arnPair.value)}.`);
  }
  const arn = parseIamArn(arnText);
  if (!arn || arn.kind !== (section === "mapRoles" ? "role" : "user")) {
    throw new AwsAuthInputError(`${file}: ${origin.label}: ${arnKey} ${wrongArnText(arnText, arn, section)}`);
  }
  const usernamePair = fields.get("username");
  const username = usernamePair ? scalarText(usernamePair.value) : undefined;
  if (usernamePair && username === undefined) {
    throw new AwsAuthInputError(`${file}: ${origin.label}: username must be a string; found ${describe(usernamePair.value)}.`);
  }
  return {
    origin,
    arn,
    username: username === "" ? undefined : username,
    groups: readGroups(fields.get("groups"), `${file}: ${origin.label}`),
    ignoredKeys: ignored,
    repeatedKeys: [...repeated],
  };
}

function readGroups(pair: Pair | undefined, where: string): string[] {
  if (!pair || pair.value === null || (isScalar(pair.value) && scalarText(pair.value) === "")) return [];
  if (!isSeq(pair.value)) {
    throw new AwsAuthInputError(`${where}: groups must be a list of group names; found ${describe(pair.value)}.`);
  }
  return pair.value.items.map((group) => {
    const name = scalarText(group);
    if (name === undefined || name === "") throw new AwsAuthInputError(`${where}: groups must hold names; found ${describe(group)}.`);
    return name;
  });
}

function readAccount(item: SectionItem, file: string): AccountEntry {
  const account = scalarText(item.node);
  if (account === undefined || !/^\d{12}$/.test(account)) {
    const lostZero = account !== undefined && /^\d{1,11}$/.test(account) ? " (was a leading zero lost? quote account IDs)" : "";
    throw new AwsAuthInputError(`${file}: ${item.origin.label}: expected a 12-digit account ID; found ${describe(item.node)}${lostZero}.`);
  }
  return { origin: item.origin, account };
}

function missingArnText(arnKey: string, node: YAMLMap, section: EntrySectionName): string {
  const keys = node.items.map((pair) => scalarText(pair.key) ?? "?");
  const other = section === "mapRoles" ? "userarn" : "rolearn";
  if (keys.some((key) => key.toLowerCase() === other)) {
    return `has ${other} but no ${arnKey}; ${section === "mapRoles" ? "users go in mapUsers" : "roles go in mapRoles"}.`;
  }
  const lookalike = keys.find((key) => key.toLowerCase().replace(/[^a-z]/g, "") === arnKey);
  const hint = lookalike ? ` Did you mean "${arnKey}" instead of "${lookalike}"?` : "";
  return `no ${arnKey} key (found ${listOrNone(keys)}), so EKS ignores this entry.${hint}`;
}

function wrongArnText(text: string, arn: IamArn | undefined, section: EntrySectionName): string {
  if (arn) return `"${text}" is an IAM ${arn.kind} ARN; ${arn.kind === "user" ? "users go in mapUsers" : "roles go in mapRoles"}.`;
  const assumed = /^arn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(text);
  if (assumed) return `"${text}" is a session ARN; use the role's ARN, arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}.`;
  const shape = section === "mapRoles" ? "arn:PARTITION:iam::ACCOUNT:role/NAME" : "arn:PARTITION:iam::ACCOUNT:user/NAME";
  return `"${text}" is not an IAM ${section === "mapRoles" ? "role" : "user"} ARN (expected ${shape}, account 12 digits).`;
}

function lineOf(node: Node, lines: LineCounter): number | undefined {
  return node?.range ? lines.linePos(node.range[0]).line : undefined;
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  return node.value === null || node.value === undefined ? "" : String(node.value);
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return "nothing";
  if (isMap(node)) return "a map";
  if (isSeq(node)) return "a list";
  const text = scalarText(node);
  return text === undefined ? "something else" : `"${text}"`;
}

function caseHint(key: string): string {
  const match = SECTIONS.find((name) => name.toLowerCase() === key.toLowerCase());
  return match ? ` (did you mean ${match}? the data keys are case-sensitive)` : "";
}

function listOrNone(items: readonly string[]): string {
  return items.length === 0 ? "no keys" : items.map((item) => `"${item}"`).join(", ");
}
