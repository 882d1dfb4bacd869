import type { Props } from "@handoff/flow-core";

/**
 * A typed node props value (a rule group, a delay) as `update_props` carries it. They are plain
 * JSON by their schemas; TypeScript only lacks the index signature to see it.
 */
export function asProps(value: object): Props {
  return value as unknown as Props;
}
