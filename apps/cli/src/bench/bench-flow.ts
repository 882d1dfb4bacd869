import type { Database } from "@handoff/db";
import { importFlow } from "@handoff/services";

/** The flow every delivery scenario runs: webhook → condition → HTTP request to the sink. */
export async function installBenchFlow(db: Database, workspaceId: string, sinkUrl: string, name: string) {
  const { flow } = await importFlow({
    db,
    workspaceId,
    fallbackName: name,
    actorUserId: null,
    publish: { message: "benchmark" },
    input: {
      name,
      graph: {
        schemaVersion: 2,
        nodes: [
          {
            id: "hook",
            type: "trigger",
            connector: "core",
            operation: "webhook",
            label: "Webhook",
            position: { x: 0, y: 0 },
            props: {},
          },
          {
            id: "big",
            type: "condition",
            label: "Amount at least 100",
            position: { x: 200, y: 0 },
            props: {
              combinator: "and",
              rules: [{ field: "trigger.amount", operator: "greater_or_equal", value: 100 }],
            },
          },
          {
            id: "notify",
            type: "action",
            connector: "core",
            operation: "http-request",
            label: "Tell the sink",
            position: { x: 400, y: 0 },
            props: {
              method: "POST",
              url: `${sinkUrl}/events`,
              body: { id: "{{ trigger.id }}", email: "{{ trigger.email }}" },
            },
          },
        ],
        edges: [
          { id: "e1", source: "hook", sourceHandle: null, target: "big" },
          { id: "e2", source: "big", sourceHandle: "true", target: "notify" },
        ],
      },
    },
  });
  return flow;
}
