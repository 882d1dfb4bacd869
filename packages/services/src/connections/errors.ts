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

/** No connection with this id in this workspace (another workspace's ids are not found either). */
export class ConnectionNotFoundError extends Error {
  override readonly name = "ConnectionNotFoundError";
  constructor(readonly connectionId: string) {
    super(`Connection ${connectionId} was not found in this workspace`);
  }
}

/** The connection is what live flows act as; deleting it would break them. */
export class ConnectionInUseError extends Error {
  override readonly name = "ConnectionInUseError";
  constructor(
    readonly connectionName: string,
    readonly flowNames: readonly string[],
  ) {
    const flows = flowNames.map((name) => `"${name}"`).join(", ");
    const noun = flowNames.length === 1 ? "flow" : "flows";
    super(
      `"${connectionName}" is used by the active ${noun} ${flows}; pause the ${noun} or choose another connection first`,
    );
  }
}
