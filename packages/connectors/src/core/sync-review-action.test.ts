import { type ActionContext, ConnectorError } from "@handoff/connector-sdk";
import { describe, expect, it } from "vitest";
import { getAction } from "../registry";
import { syncReviewAction, ZSyncReviewProps } from "./sync-review-action";
import { SAMPLE_SYNC_REVIEW } from "./sync-review-sample";

type ReviewContext = NonNullable<ActionContext<unknown>["review"]>;

function contextWith(review: ReviewContext | undefined, days = 7) {
  return {
    props: ZSyncReviewProps.parse({ days }),
    connection: null,
    idempotencyKey: "run-1:review",
    signal: new AbortController().signal,
    log: () => {},
    ...(review ? { review } : {}),
  };
}

describe("core sync-review action", () => {
  it("is registered on the core connector as a read-only step", () => {
    expect(getAction("core", "sync-review")).toBe(syncReviewAction);
    expect(syncReviewAction.sideEffect).toBe(false);
    expect(syncReviewAction.name).toBe("Weekly sync review");
  });

  it("defaults to seven days and refuses a period outside 1..31 days with a precise message", () => {
    expect(ZSyncReviewProps.parse({})).toEqual({ days: 7 });
    expect(ZSyncReviewProps.safeParse({ days: 0 }).error?.issues[0]?.message).toBe("days is at least 1");
    expect(ZSyncReviewProps.safeParse({ days: 32 }).error?.issues[0]?.message).toBe("days is at most 31");
    expect(ZSyncReviewProps.safeParse({ days: 2.5 }).error?.issues[0]?.message).toBe("days is a whole number");
  });

  it("returns the workspace's review for the days asked", async () => {
    const asked: number[] = [];
    const review: ReviewContext = {
      review: async ({ days }) => {
        asked.push(days);
        return SAMPLE_SYNC_REVIEW;
      },
    };
    await expect(syncReviewAction.run(contextWith(review, 14))).resolves.toEqual(SAMPLE_SYNC_REVIEW);
    expect(asked).toEqual([14]);
  });

  it("fails with a final, clear error when the runner provides no review", async () => {
    const run = syncReviewAction.run(contextWith(undefined));
    await expect(run).rejects.toBeInstanceOf(ConnectorError);
    await expect(run).rejects.toMatchObject({
      kind: "final",
      message: "The sync review is not available to this runner: it runs in the Handoff worker only",
    });
  });

  it("keeps the output contract in its sample: every list, the counts and the e-mail parts", () => {
    expect(Object.keys(syncReviewAction.sampleOutput ?? {}).sort()).toEqual(
      [
        "canceledStillOpen",
        "counts",
        "duplicates",
        "failedSyncs",
        "html",
        "mappingOwnerEmail",
        "periodEnd",
        "periodStart",
        "subject",
        "text",
      ].sort(),
    );
  });
});
