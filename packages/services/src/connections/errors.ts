/** A connection the user asked for cannot be made as given; `field` says which input. */
export class ConnectionInputError extends Error {
  override readonly name = "ConnectionInputError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
