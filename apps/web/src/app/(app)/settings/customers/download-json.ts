/** Saves a value as a pretty-printed JSON file, built in the browser: the export never touches a server disk. */
export function downloadJson(value: unknown, filename: string): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start the download only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `customer-<id>.json`; a person in runs only has no id, and their email does not belong in a file name. */
export function exportFilename(customerId: string | null): string {
  return `customer-${customerId ?? "runs-only"}.json`;
}
