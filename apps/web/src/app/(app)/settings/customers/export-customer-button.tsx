"use client";

import { Button } from "@handoff/ui";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { downloadJson, exportFilename } from "./download-json";

/** Each click is a fresh, audited export: the result is downloaded, never kept in the page's cache. */
export function ExportCustomerButton({ query }: { query: string }) {
  const trpc = useTRPC();
  const exportCustomer = useMutation(
    trpc.customers.export.mutationOptions({
      onSuccess: (exported) => downloadJson(exported, exportFilename(exported.customer?.id ?? null)),
    }),
  );
  return (
    <>
      <Button variant="secondary" disabled={exportCustomer.isPending} onClick={() => exportCustomer.mutate({ query })}>
        {exportCustomer.isPending ? "Preparing export…" : "Download export (JSON)"}
      </Button>
      {exportCustomer.isSuccess ? (
        <p className="ho-muted" role="status">
          Exported {exportCustomer.data.runs.length} runs and {exportCustomer.data.consents.length} consent records.
          {exportCustomer.data.runsCapped
            ? ` Only the newest ${exportCustomer.data.runLimit} runs fit in one export; older runs are not included.`
            : ""}
        </p>
      ) : null}
      {exportCustomer.isError ? (
        <p role="alert" className="ho-error">
          {exportCustomer.error.message}
        </p>
      ) : null}
    </>
  );
}
