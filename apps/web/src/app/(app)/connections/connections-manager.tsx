"use client";

import { EmptyState } from "@handoff/ui";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { ConnectionRow } from "./connection-row";
import { NewConnectionForm } from "./new-connection-form";

/** The workspace's connections, and (for those who may manage them) the form to add one. */
export function ConnectionsManager({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.connections.list.queryOptions());
  const providers = useQuery(trpc.connections.providers.queryOptions());
  const providerOf = (key: string) => providers.data?.find((provider) => provider.key === key);

  return (
    <>
      <section className="ho-panel">
        <h2 id="connections-heading">Saved connections</h2>
        {list.isPending ? <p className="ho-muted">Loading connections…</p> : null}
        {list.isError ? (
          <p role="alert" className="ho-error">
            Could not load the connections: {list.error.message}
          </p>
        ) : null}
        {list.isSuccess && list.data.length === 0 ? (
          <EmptyState
            title="No connections yet"
            description="Connect the tools your flows hand off between; credentials are encrypted at rest."
          />
        ) : null}
        {list.isSuccess && list.data.length > 0 ? (
          <table className="ho-table" aria-labelledby="connections-heading">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Tool</th>
                <th scope="col">Environment</th>
                <th scope="col">Secret</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="ho-muted">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((connection) => (
                <ConnectionRow
                  key={connection.id}
                  connection={connection}
                  provider={providerOf(connection.provider)}
                  canManage={canManage}
                />
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      {canManage && providers.isSuccess ? <NewConnectionForm providers={providers.data} /> : null}
      {providers.isError ? (
        <p role="alert" className="ho-error">
          Could not load the tools you can connect: {providers.error.message}
        </p>
      ) : null}
    </>
  );
}
