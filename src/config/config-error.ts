/** Bad input, with a message ready to print: file, JSON path, bad value, what is allowed. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}
