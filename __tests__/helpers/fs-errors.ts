// Errors shaped like node:fs's, for tests that simulate what a test machine cannot do
// (a read-only file system, a full disk).

export function fsError(code: string, text: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${text}`), { code });
}
