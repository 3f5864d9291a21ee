// One error type for every bad input of the migration, so the CLI can print the message alone
// (no stack trace) and exit 1, and tell them apart from its own bugs.

/** A problem with the user's input; `message` is complete and names the file and the place. */
export class AwsAuthInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AwsAuthInputError";
  }
}

/** The OS's words for a failed file operation: "read-only file system (EROFS)". */
export function osReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  // Node's messages read "EROFS: read-only file system, open '/ro/.cfg.json.1.tmp'": keep the middle.
  const words = code === undefined ? undefined : new RegExp(`^${code}: ([^,]+)`).exec(message)?.[1];
  if (code === undefined) return String(message ?? error);
  return words === undefined ? code : `${words} (${code})`;
}
