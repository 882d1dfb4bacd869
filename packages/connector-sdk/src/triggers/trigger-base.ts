import type { z } from "zod";

export interface TriggerBase<TSchema extends z.ZodType> {
  key: string;
  name: string;
  description: string;
  props: TSchema;
}
