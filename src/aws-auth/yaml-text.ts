// Parses the aws-auth file and its section strings into YAML documents, turning every way YAML can
// fail into one AwsAuthInputError that names the file and the place: a syntax error, several
// documents, nesting too deep for the parser (it reports a stack overflow), or an alias.
import { isAlias, isPair, isSeq, isMap, parseAllDocuments, parseDocument, type Alias, type Document, type LineCounter } from "yaml";
import { AwsAuthInputError } from "./errors";

// All scalars are strings (the failsafe schema, so 012345670123 keeps its zero), and repeated keys
// are allowed (EKS's JSON decoding lets the last one win; we report them).
const YAML_OPTIONS = { schema: "failsafe", uniqueKeys: false, prettyErrors: true } as const;

/** What is parsed, for messages. */
export interface YamlSource {
  readonly file: string;
  /** "the file", or the section: "data.mapRoles". */
  readonly where: string;
  readonly lines: LineCounter;
  /** The file's line of a line of `where`, when known. */
  readonly toFileLine: (line: number) => number | undefined;
}

interface ErrorLike {
  readonly code?: string;
  readonly message: string;
  readonly linePos?: [{ line: number; col: number }, ...unknown[]];
}

/** The one document `text` holds; throws AwsAuthInputError naming `source` for anything else. */
export function parseYaml(text: string, source: YamlSource): Document {
  const { file, where } = source;
  const inFile = where === "the file";
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: source.lines });
  const error = doc.errors[0];
  if (error?.code === "RESOURCE_EXHAUSTION") {
    // The parser recurses once per level and reports "Maximum call stack size exceeded".
    throw new AwsAuthInputError(
      inFile
        ? `${file}: the YAML is nested too deeply to read; this is not an aws-auth ConfigMap (kubectl get configmap aws-auth -n kube-system -o yaml).`
        : `${file}: ${where} is nested too deeply to read; it must hold a list of entries.`,
    );
  }
  if (error?.code === "MULTIPLE_DOCS") {
    const count = parseAllDocuments(text, YAML_OPTIONS);
    const documents = Array.isArray(count) ? count.length : 2;
    throw new AwsAuthInputError(
      inFile
        ? `${file}: the file holds ${documents} YAML documents; give the aws-auth ConfigMap alone (kubectl get configmap aws-auth -n kube-system -o yaml).`
        : `${file}: ${where} holds ${documents} YAML documents (separated by ---); it must hold one list.`,
    );
  }
  if (error) {
    const text = yamlErrorText(error, source);
    throw new AwsAuthInputError(inFile ? `${file}: ${text}` : `${file}: ${where} is not valid YAML or JSON, so EKS ignores the whole section: ${text}`);
  }
  // Aliases are refused rather than resolved: kubectl never writes them, and a resolved alias
  // could point anywhere in the file (or expand without bound).
  const alias = firstAlias(doc.contents);
  if (alias) {
    const pos = alias.range ? source.lines.linePos(alias.range[0]) : undefined;
    const reason = `the YAML alias *${alias.source} is not supported in an aws-auth file; write the value out in full`;
    throw new AwsAuthInputError(`${file}: ${yamlErrorText({ message: reason, linePos: pos ? [pos] : undefined }, source)}`);
  }
  return doc;
}

// "line 3, column 5 of data.mapRoles (line 14 of the file): REASON."
function yamlErrorText(error: ErrorLike, source: YamlSource): string {
  const reason = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  const pos = error.linePos?.[0];
  if (!pos) return `${reason}.`;
  const fileLine = source.where === "the file" ? undefined : source.toFileLine(pos.line);
  const inFile = fileLine !== undefined ? ` (line ${fileLine} of the file)` : "";
  return `line ${pos.line}, column ${pos.col} of ${source.where}${inFile}: ${reason}.`;
}

// Iterative, in document order: a tree just below the parser's depth limit must not overflow here.
function firstAlias(root: unknown): Alias | undefined {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isAlias(node)) return node;
    if (isPair(node)) pending.push(node.value, node.key);
    else if (isMap(node) || isSeq(node)) pending.push(...[...node.items].reverse());
  }
  return undefined;
}
