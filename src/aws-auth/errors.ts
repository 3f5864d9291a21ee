// One error type for every bad input of the migration, so the CLI can print the message alone
// (no stack trace) and exit 1, and tell them apart from its own bugs.

/** A problem with the user's input; `message` is complete and names the file and the place. */
export class AwsAuthInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AwsAuthInputError";
  }
}
