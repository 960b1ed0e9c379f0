/** A failure the user caused and can fix: printed as one line, no stack. Exit 2 for usage mistakes. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
