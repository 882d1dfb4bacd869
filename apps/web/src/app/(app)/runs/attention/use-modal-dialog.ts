"use client";

import { useEffect, useRef } from "react";

/** A native modal `<dialog>` driven by state: focus stays inside, Escape closes it (via `onClose`). */
export function useModalDialog(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);
  return ref;
}
