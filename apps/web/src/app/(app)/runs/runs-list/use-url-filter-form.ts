"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { formFromQuery, queryFromForm, type RunFilterForm } from "./run-filter-form";

/**
 * The filters live in the URL, so a copied link reproduces the view and Back from a run returns
 * to it. `history.replaceState` updates `useSearchParams` without a server round trip, and does not
 * stack one history entry per keystroke.
 */
export function useUrlFilterForm(): [RunFilterForm, (form: RunFilterForm) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const form = useMemo(() => formFromQuery(searchParams), [searchParams]);
  const setForm = useCallback(
    (next: RunFilterForm) => {
      const query = queryFromForm(next);
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  return [form, setForm];
}
