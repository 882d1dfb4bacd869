"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";

/** Messages the editor core shows outside any one panel: someone else's edit, a refused action. */
export interface EditorNotices {
  /** Set when another editor's newer draft was loaded in place of ours. */
  presence: string | null;
  /** A short-lived message, such as why a connection or an undo was refused. */
  toast: string | null;
  tellPresence(message: string): void;
  showToast(message: string): void;
  dismissPresence(): void;
  dismissToast(): void;
}

const EditorNoticesContext = createContext<EditorNotices | null>(null);

const TOAST_MS = 6_000;

export function EditorNoticesProvider({ children }: { children: ReactNode }) {
  const [presence, setPresence] = useState<string | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const showToast = useCallback((message: string) => {
    setToast(message);
    clearTimeout(toastTimer.current);
    toastTimer.current = setTimeout(() => setToast(null), TOAST_MS);
  }, []);
  const dismissToast = useCallback(() => {
    clearTimeout(toastTimer.current);
    setToast(null);
  }, []);
  const dismissPresence = useCallback(() => setPresence(null), []);

  const notices = useMemo(
    () => ({ presence, toast, tellPresence: setPresence, showToast, dismissPresence, dismissToast }),
    [presence, toast, showToast, dismissPresence, dismissToast],
  );
  return <EditorNoticesContext.Provider value={notices}>{children}</EditorNoticesContext.Provider>;
}

export function useEditorNotices(): EditorNotices {
  const notices = useContext(EditorNoticesContext);
  if (!notices) throw new Error("useEditorNotices is used outside EditorNoticesProvider");
  return notices;
}
