export interface DocumentLink {
  href: string;
  label: string;
}

/** Well-known keys first: the invoicing tool's canonical document is what a bookkeeper is after. */
const KNOWN_LABELS: Readonly<Record<string, string>> = {
  invoicePdf: "Open invoice PDF",
  hostedInvoiceUrl: "Open invoice",
  invoiceUrl: "Open invoice",
  pdfUrl: "Open PDF",
  receiptUrl: "Open receipt",
  bookingUrl: "Open booking",
  dealUrl: "Open deal",
};

const LINK_KEY = /(url|uri|href|link|pdf)$/i;
const MAX_DEPTH = 4;
const MAX_LINKS = 6;

/**
 * Links worth a button in a step's output (`hostedInvoiceUrl`, `invoicePdf`, any `…Url`). Only
 * http(s): an output is provider data, and a `javascript:` URL must never become a link.
 */
export function findDocumentLinks(output: unknown): DocumentLink[] {
  const found = new Map<string, DocumentLink>();
  const visit = (value: unknown, depth: number) => {
    if (depth > MAX_DEPTH || typeof value !== "object" || value === null) return;
    const entries = Array.isArray(value) ? value.map((item) => ["", item] as const) : Object.entries(value);
    for (const [key, child] of entries) {
      if (found.size >= MAX_LINKS) return;
      if (typeof child === "string" && key && LINK_KEY.test(key)) {
        const href = webUrl(child);
        if (href && !found.has(href)) found.set(href, { href, label: KNOWN_LABELS[key] ?? `Open ${humanize(key)}` });
      } else visit(child, depth + 1);
    }
  };
  visit(output, 0);
  return [...found.values()];
}

function webUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** `hosted_invoice_url` / `statusPageUrl` → "status page url", for keys without a known label. */
function humanize(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase()
    .trim();
}
