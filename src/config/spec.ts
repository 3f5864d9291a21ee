// A small schema language: one definition gives both the validator (with messages that name the
// JSON path, echo the bad value and say what is allowed) and the published JSON Schema. Generic
// JSON Schema validators report "must match pattern ^...$"; users deserve better.
import { closest } from "./suggest";

interface Common {
  /** Shown in the JSON Schema (editor hover) and used as "what is allowed" in errors. */
  readonly description: string;
}

export interface StringSpec extends Common {
  readonly kind: "string";
  readonly enum?: readonly string[];
  /** Name of the closed set for enum errors, e.g. "an EKS access policy". */
  readonly enumNoun?: string;
  readonly pattern?: RegExp;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** What a valid value looks like, for pattern and length errors. */
  readonly allowed?: string;
  /** A better message than "did you mean" for some values outside `enum` (e.g. a full ARN). */
  readonly enumHint?: (value: string) => string | undefined;
}

export interface BooleanSpec extends Common {
  readonly kind: "boolean";
  readonly default: boolean;
}

export interface ArraySpec extends Common {
  readonly kind: "array";
  readonly items: Spec;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface ObjectSpec extends Common {
  readonly kind: "object";
  readonly properties: Readonly<Record<string, Spec>>;
  readonly required?: readonly string[];
  /** Exactly one of these keys must be present. */
  readonly exactlyOneOf?: readonly string[];
}

/** An object with free keys (tags). */
export interface MapSpec extends Common {
  readonly kind: "map";
  readonly keys: StringSpec;
  readonly values: StringSpec;
  readonly maxProperties?: number;
}

export type Spec = StringSpec | BooleanSpec | ArraySpec | ObjectSpec | MapSpec;

/** A validation failure: the JSON path (`stacks[0].name`) and the message after it. */
export class SpecError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path || "(top level)"}: ${detail}`);
  }
}

/** Checks `value` against `spec`, throwing a SpecError at the first problem, in document order. */
export function check(spec: Spec, value: unknown, path: string): void {
  switch (spec.kind) {
    case "string":
      return checkString(spec, value, path);
    case "boolean":
      if (typeof value !== "boolean") throw wrongType(path, value, "true or false");
      return;
    case "array":
      return checkArray(spec, value, path);
    case "object":
      return checkObject(spec, value, path);
    case "map":
      return checkMap(spec, value, path);
  }
}

/** Terraform reads "${" and "%{" in any string of its JSON or HCL as an expression or directive. */
export const TEMPLATE_SEQUENCE = /[$%]\{/;

function checkString(spec: StringSpec, value: unknown, path: string): void {
  if (typeof value !== "string") throw wrongType(path, value, `a string: ${spec.description}`);
  if (TEMPLATE_SEQUENCE.test(value)) {
    throw new SpecError(path, `${show(value)} contains "\${" or "%{", which Terraform would evaluate as an expression; remove it.`);
  }
  if (spec.enum && !spec.enum.includes(value)) {
    const special = spec.enumHint?.(value);
    // Edit distance is quadratic: no suggestion for values far longer than any candidate.
    const guess = special === undefined && value.length <= 100 ? closest(value, spec.enum) : undefined;
    const hint = special !== undefined ? `; ${special}` : guess ? `; did you mean ${JSON.stringify(guess)}?` : ".";
    throw new SpecError(path, `${show(value)} is not ${spec.enumNoun ?? "allowed"}${hint} Allowed: ${spec.enum.join(", ")}.`);
  }
  const tooShort = spec.minLength !== undefined && value.length < spec.minLength;
  const tooLong = spec.maxLength !== undefined && value.length > spec.maxLength;
  if (tooShort || tooLong || (spec.pattern && !spec.pattern.test(value))) {
    throw new SpecError(path, `${show(value)} is not valid: ${spec.allowed ?? spec.description}.`);
  }
}

function checkArray(spec: ArraySpec, value: unknown, path: string): void {
  if (!Array.isArray(value)) throw wrongType(path, value, `a list: ${spec.description}`);
  if (spec.minItems !== undefined && value.length < spec.minItems) {
    const what = spec.minItems === 1 ? "at least one item" : `at least ${spec.minItems} items`;
    throw new SpecError(path, `[] is empty; it needs ${what}: ${spec.description}.`);
  }
  if (spec.maxItems !== undefined && value.length > spec.maxItems) {
    throw new SpecError(path, `has ${value.length} items; at most ${spec.maxItems} are allowed.`);
  }
  value.forEach((item, i) => check(spec.items, item, `${path}[${i}]`));
}

function checkObject(spec: ObjectSpec, value: unknown, path: string): void {
  if (!isPlainObject(value)) throw wrongType(path, value, `an object: ${spec.description}`);
  const known = Object.keys(spec.properties);
  for (const key of Object.keys(value)) {
    // Own keys only: "toString" or "__proto__" must not pass as known through the prototype.
    if (!Object.hasOwn(spec.properties, key)) {
      const guess = key.length <= 100 ? closest(key, known) : undefined;
      const hint = guess ? `; did you mean ${JSON.stringify(guess)}?` : ".";
      throw new SpecError(join(path, shorten(key)), `unknown key ${show(key)}${hint} Allowed keys: ${known.join(", ")}.`);
    }
  }
  for (const key of spec.required ?? []) {
    if (value[key] === undefined) {
      throw new SpecError(join(path, key), `is missing: ${spec.properties[key]!.description}.`);
    }
  }
  if (spec.exactlyOneOf) {
    const present = spec.exactlyOneOf.filter((key) => value[key] !== undefined);
    if (present.length !== 1) {
      const found = present.length === 0 ? "none is set" : `${present.join(" and ")} are set`;
      throw new SpecError(path, `set exactly one of ${spec.exactlyOneOf.join(", ")}; ${found}.`);
    }
  }
  for (const [key, child] of Object.entries(spec.properties)) {
    if (value[key] !== undefined) check(child, value[key], join(path, key));
  }
}

function checkMap(spec: MapSpec, value: unknown, path: string): void {
  if (!isPlainObject(value)) throw wrongType(path, value, `an object: ${spec.description}`);
  const entries = Object.entries(value);
  if (spec.maxProperties !== undefined && entries.length > spec.maxProperties) {
    throw new SpecError(path, `has ${entries.length} entries; at most ${spec.maxProperties} are allowed.`);
  }
  for (const [key, item] of entries) {
    const keyPath = join(path, shorten(key));
    try {
      check(spec.keys, key, keyPath);
    } catch (err) {
      if (err instanceof SpecError) throw new SpecError(keyPath, `key ${err.detail}`);
      throw err;
    }
    check(spec.values, item, keyPath);
  }
}

/** The JSON Schema (draft 2020-12) equivalent of `spec`. */
export function toJsonSchema(spec: Spec): Record<string, unknown> {
  const out: Record<string, unknown> = { description: spec.description };
  switch (spec.kind) {
    case "string":
      out.type = "string";
      out.not = { pattern: TEMPLATE_SEQUENCE.source };
      if (spec.enum) out.enum = [...spec.enum];
      if (spec.pattern) out.pattern = spec.pattern.source;
      if (spec.minLength !== undefined) out.minLength = spec.minLength;
      if (spec.maxLength !== undefined) out.maxLength = spec.maxLength;
      break;
    case "boolean":
      out.type = "boolean";
      out.default = spec.default;
      break;
    case "array":
      out.type = "array";
      out.items = toJsonSchema(spec.items);
      if (spec.minItems !== undefined) out.minItems = spec.minItems;
      if (spec.maxItems !== undefined) out.maxItems = spec.maxItems;
      break;
    case "object":
      out.type = "object";
      out.properties = Object.fromEntries(
        Object.entries(spec.properties).map(([key, child]) => [key, toJsonSchema(child)]),
      );
      if (spec.required?.length) out.required = [...spec.required];
      if (spec.exactlyOneOf) out.oneOf = spec.exactlyOneOf.map((key) => ({ required: [key] }));
      out.additionalProperties = false;
      break;
    case "map":
      out.type = "object";
      out.propertyNames = toJsonSchema(spec.keys);
      out.additionalProperties = toJsonSchema(spec.values);
      if (spec.maxProperties !== undefined) out.maxProperties = spec.maxProperties;
      break;
  }
  return out;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `stacks[0]` + `name` -> `stacks[0].name`; keys that are not identifiers are quoted. */
export function join(path: string, key: string): string {
  const part = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (!path) return part;
  return part.startsWith("[") ? `${path}${part}` : `${path}.${part}`;
}

function wrongType(path: string, value: unknown, expected: string): SpecError {
  return new SpecError(path, `${describe(value)} is not allowed; expected ${expected}.`);
}

/** A short, literal rendering of a bad value for messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return show(value);
}

/** JSON text of a value, cut to 120 characters: a message must not echo a 50 MB string. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 110)}..." (${text.length} characters)` : text;
}

function shorten(key: string): string {
  return key.length > 100 ? `${key.slice(0, 97)}...` : key;
}
