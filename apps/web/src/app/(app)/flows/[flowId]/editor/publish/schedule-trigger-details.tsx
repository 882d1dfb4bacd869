"use client";

import type { TriggerNode } from "@handoff/flow-core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { formatFireTime, scheduleQueryInput } from "./format-fire-time";

/** Typing a cron expression changes the props on every key; ask the server once typing pauses. */
const SETTLE_MS = 400;

/** The next five times the schedule fires, in its own time zone, or why the cron is refused. */
export function ScheduleTriggerDetails({ node }: { node: TriggerNode }) {
  const trpc = useTRPC();
  const headingId = useId();
  const current = scheduleQueryInput(node.props);
  const settled = useSettled(current, SETTLE_MS);
  const fireTimes = useQuery({
    ...trpc.flows.nextFireTimes.queryOptions(settled ?? { cron: "-", timeZone: "UTC" }),
    enabled: settled !== null,
    retry: false,
  });

  return (
    <div className="ho-trigger-details">
      <h4 id={headingId}>Next runs{current ? ` (${current.timeZone})` : ""}</h4>
      {!current ? (
        <p className="ho-muted">Enter a cron expression and a time zone to see when this flow runs.</p>
      ) : fireTimes.isError ? (
        <p role="alert" className="ho-error">
          {fireTimes.error.message}
        </p>
      ) : fireTimes.data && settled ? (
        <ol className="ho-fire-times" aria-labelledby={headingId}>
          {fireTimes.data.map((date) => (
            <li key={date.toISOString()}>
              <time dateTime={date.toISOString()}>{formatFireTime(date, settled.timeZone)}</time>
            </li>
          ))}
        </ol>
      ) : (
        <p className="ho-muted">Working out the next runs…</p>
      )}
    </div>
  );
}

/** The value once it has stayed the same for `ms`; compared by content, as props are new objects on every edit. */
function useSettled<T>(value: T, ms: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}
