export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** One reason a graph cannot be published (a flow-core problem, or a document that does not parse). */
export interface PublishProblem {
  code: string;
  message: string;
  nodeId?: string;
  field?: string;
}

/** Publishing an invalid draft is refused with every problem, each naming its node. */
export class PublishRefusedError extends Error {
  override name = "PublishRefusedError";
  constructor(readonly problems: readonly PublishProblem[]) {
    super(
      `The flow cannot be published:\n${problems.map((p) => `  - ${p.nodeId ? `[${p.nodeId}] ` : ""}${p.message}`).join("\n")}`,
    );
  }
}

/** A draft saved from an older revision than the one stored: never silently overwrite. */
export class StaleDraftError extends Error {
  override name = "StaleDraftError";
  constructor(
    readonly currentRevision: number,
    readonly attemptedRevision: number,
  ) {
    super(`The draft changed since you opened it (revision ${currentRevision}, you had ${attemptedRevision})`);
  }
}
