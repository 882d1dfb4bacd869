"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { formatDateTime } from "../run-format";

/**
 * A refused delivery, read when opened: the reason, the headers as received (signatures and tokens
 * redacted by the server) and the start of the body — to tell a vendor's test from a forged call.
 */
export function DeliveryDetails({ deliveryId }: { deliveryId: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const delivery = useQuery({ ...trpc.attention.delivery.queryOptions({ id: deliveryId }), enabled: open });
  return (
    <details className="ho-attention-delivery" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Show delivery</summary>
      {delivery.isPending && open ? <p className="ho-muted">Loading the delivery…</p> : null}
      {delivery.isError ? (
        <p role="alert" className="ho-error">
          Could not load the delivery: {delivery.error.message}
        </p>
      ) : null}
      {delivery.data ? (
        <>
          <p className="ho-muted">
            Received {formatDateTime(delivery.data.receivedAt)} · {delivery.data.reason ?? "No reason recorded"}
          </p>
          {delivery.data.headers.length > 0 ? (
            <table className="ho-table" aria-label="Delivery headers">
              <tbody>
                {delivery.data.headers.map((header) => (
                  <tr key={header.name}>
                    <th scope="row">{header.name}</th>
                    <td>{header.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="ho-muted">No headers were kept.</p>
          )}
          {delivery.data.bodyPreview === null ? (
            <p className="ho-muted">No body was kept (empty, or too large).</p>
          ) : (
            <section aria-label="Delivery body">
              <pre className="ho-attention-body">
                {delivery.data.bodyPreview}
                {delivery.data.bodyTruncated ? "\n…" : ""}
              </pre>
            </section>
          )}
        </>
      ) : null}
    </details>
  );
}
