/** No template with this slug. */
export class TemplateNotFoundError extends Error {
  override readonly name = "TemplateNotFoundError";
  constructor(readonly slug: string) {
    super(`There is no template "${slug}"`);
  }
}

/** Which input of an install was refused: a connection role or a field, by its key. */
export type TemplateInput = { kind: "connection"; role: string } | { kind: "field"; key: string };

/** A connection or field value the template cannot be installed with; `input` names which one. */
export class TemplateInputError extends Error {
  override readonly name = "TemplateInputError";
  constructor(
    readonly input: TemplateInput,
    message: string,
  ) {
    super(message);
  }
}
