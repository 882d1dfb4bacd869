/** A setting a person typed that cannot be stored as given; `field` names the form field. */
export class WorkspaceSettingsInputError extends Error {
  override readonly name = "WorkspaceSettingsInputError";
  constructor(
    readonly field: "mappingOwnerUserId" | "successRetentionDays" | "failureRetentionDays",
    message: string,
  ) {
    super(message);
  }
}
