/** Bad input on the command line or in the config: reported as one line, exit code 2, no stack trace. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
