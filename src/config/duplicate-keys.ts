// JSON.parse keeps the last of two equal keys without a word: `"policy": "AmazonEKSClusterAdminPolicy",
// "policy": "AmazonEKSViewPolicy"` would silently drop the first. This scan of text that already
// parsed finds such a key, with its JSON path and line.
import { join } from "./spec";

type Frame =
  | { readonly kind: "object"; readonly path: string; readonly keys: Set<string>; expectKey: boolean; lastKey: string }
  | { readonly kind: "array"; readonly path: string; index: number };

export interface DuplicateKey {
  readonly path: string;
  readonly key: string;
  readonly line: number;
}

/** The first key that appears twice in one object of `text` (valid JSON), or undefined. */
export function findDuplicateKey(text: string): DuplicateKey | undefined {
  const stack: Frame[] = [];
  const childPath = (): string => {
    const parent = stack[stack.length - 1];
    if (!parent) return "";
    return parent.kind === "object" ? join(parent.path, parent.lastKey) : `${parent.path}[${parent.index}]`;
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.kind === "object" && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) return { path: join(top.path, key), key, line: text.slice(0, i).split("\n").length };
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = end;
    } else if (char === "{") {
      stack.push({ kind: "object", path: childPath(), keys: new Set(), expectKey: true, lastKey: "" });
    } else if (char === "[") {
      stack.push({ kind: "array", path: childPath(), index: 0 });
    } else if (char === "}" || char === "]") {
      stack.pop();
    } else if (char === ",") {
      const top = stack[stack.length - 1];
      if (top?.kind === "object") top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return undefined;
}
