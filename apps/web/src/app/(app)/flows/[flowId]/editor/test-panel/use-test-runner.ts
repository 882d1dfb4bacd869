"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useFlowEditor } from "../use-flow-editor";
import { type TestRunResult, toTestRunView } from "./test-run-view";

export type TestEventSource =
  | { kind: "sample" }
  | { kind: "payload"; payload: Record<string, unknown> }
  | { kind: "run"; runId: string }
  | { kind: "step"; runId: string; nodeId: string };

export type TestPhase = "idle" | "saving" | "starting" | "running";

const FAST_POLL_MS = 500;
/** After this long a run is waiting on something slow (a retry, a delay step): ask less often. */
const FAST_POLL_FOR_MS = 30_000;
const SLOW_POLL_MS = 2000;
const GIVE_UP_AFTER_MS = 10 * 60_000;

/**
 * Starts test runs and follows them: saves the draft first (the server runs what it has), starts
 * the run, then asks for its result every half second and hands every answer to the editor, so
 * the canvas's nodes change status while the run goes. Unmounting stops the polling; the run
 * itself carries on on the server, and a remounted panel picks the polling up again.
 */
export function useTestRunner() {
  const editor = useFlowEditor();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const startRun = useMutation(trpc.flows.testRun.mutationOptions());
  const [phase, setPhase] = useState<TestPhase>("idle");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [result, setResult] = useState<TestRunResult | null>(null);
  // Each start bumps the generation; a poll loop whose generation is gone stops quietly.
  const generation = useRef(0);
  // The editor object changes on every edit; the loop must always report to the newest one.
  const editorRef = useRef(editor);
  editorRef.current = editor;
  const { flowId } = editor;

  const follow = useCallback(
    async (runId: string, mine: number) => {
      const startedAt = Date.now();
      for (;;) {
        const latest = await queryClient.fetchQuery(
          trpc.flows.testRunResult.queryOptions({ flowId, runId }, { staleTime: 0, retry: 2 }),
        );
        if (mine !== generation.current) return;
        setResult(latest);
        editorRef.current.setTestRun(toTestRunView(latest));
        if (latest.finished) return;
        const elapsed = Date.now() - startedAt;
        if (elapsed > GIVE_UP_AFTER_MS) {
          setNotice(
            `The test run is still ${latest.status} after 10 minutes; stopped watching it. Run the test again.`,
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, elapsed < FAST_POLL_FOR_MS ? FAST_POLL_MS : SLOW_POLL_MS));
        if (mine !== generation.current) return;
      }
    },
    [flowId, queryClient, trpc],
  );

  const watch = useCallback(
    async (runId: string) => {
      const mine = ++generation.current;
      setPhase("running");
      try {
        await follow(runId, mine);
      } catch (thrown) {
        if (mine === generation.current) setError(`Could not read the test run's result: ${messageOf(thrown)}`);
      } finally {
        if (mine === generation.current) setPhase("idle");
      }
    },
    [follow],
  );

  const run = useCallback(
    async (source: TestEventSource) => {
      const mine = ++generation.current;
      setError(null);
      setNotice(null);
      setResult(null);
      let step: TestPhase = "saving";
      try {
        setPhase(step);
        await editorRef.current.flush();
        step = "starting";
        setPhase(step);
        const { runId } = await startRun.mutateAsync({ flowId, source });
        // The new run is one of the flow's past runs from now on ("A past run's event").
        void queryClient.invalidateQueries({ queryKey: trpc.runs.list.queryKey() });
        editorRef.current.setTestRun({ runId, status: "queued", finished: false, steps: {} });
        step = "running";
        setPhase(step);
        await follow(runId, mine);
      } catch (thrown) {
        if (mine === generation.current) setError(`${FAILED_WHILE[step]}: ${messageOf(thrown)}`);
      } finally {
        if (mine === generation.current) setPhase("idle");
      }
    },
    [flowId, follow, queryClient, startRun, trpc],
  );

  // A panel mounted while a test is still going (the person switched tabs) keeps following it.
  useEffect(() => {
    const current = editorRef.current.testRun;
    if (current && !current.finished) void watch(current.runId);
    return () => {
      generation.current++;
    };
  }, [watch]);

  return { phase, busy: phase !== "idle", error, notice, result, run };
}

export type TestRunner = ReturnType<typeof useTestRunner>;

const FAILED_WHILE: Readonly<Record<TestPhase, string>> = {
  idle: "The test failed",
  saving: "Could not save the draft before testing",
  starting: "Could not start the test",
  running: "Could not read the test run's result",
};

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
