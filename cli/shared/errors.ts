/** Bad input for a command (exit 2 with one sentence on stderr). Malformed resources inside good input are never this. */
export class InputError extends Error {
  override readonly name = "InputError";
}
