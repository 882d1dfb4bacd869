const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** In the reader's own locale and zone: only ever called in the browser, after the list loads. */
export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}
