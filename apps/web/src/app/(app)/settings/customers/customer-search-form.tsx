"use client";

import { Button, Field } from "@handoff/ui";
import type { FormEvent } from "react";

export function CustomerSearchForm({ searching, onSearch }: { searching: boolean; onSearch: (query: string) => void }) {
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSearch(String(new FormData(event.currentTarget).get("query") ?? "").trim());
  }

  return (
    <search className="ho-panel" aria-label="Find a customer">
      <form onSubmit={onSubmit} noValidate>
        <div className="ho-toolbar">
          <Field label="Email, phone or customer id" name="query" type="search" autoComplete="off" required />
          <Button type="submit" disabled={searching}>
            {searching ? "Finding…" : "Find"}
          </Button>
        </div>
      </form>
      <p className="ho-muted">
        Phone numbers without a country code are read with the workspace's country. Runs are found by the customer's
        email, phone and linked records even when no customer record exists.
      </p>
    </search>
  );
}
