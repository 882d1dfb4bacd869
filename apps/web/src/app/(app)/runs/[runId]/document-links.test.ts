import { describe, expect, it } from "vitest";
import { findDocumentLinks } from "./document-links";

describe("document links in a step's output", () => {
  it("finds the invoice's canonical links, nested or not, once each", () => {
    expect(
      findDocumentLinks({
        invoice: {
          id: "in_1",
          hostedInvoiceUrl: "https://pay.example/i/abc",
          invoicePdf: "https://pay.example/i/abc/pdf?s=ap",
        },
        lines: [{ receiptUrl: "https://pay.example/r/1" }],
        again: { hostedInvoiceUrl: "https://pay.example/i/abc" },
        status_page_url: "http://status.example/",
      }),
    ).toEqual([
      { href: "https://pay.example/i/abc", label: "Open invoice" },
      { href: "https://pay.example/i/abc/pdf?s=ap", label: "Open invoice PDF" },
      { href: "https://pay.example/r/1", label: "Open receipt" },
      { href: "http://status.example/", label: "Open status page url" },
    ]);
  });

  it("never links a script or a non-URL, and ignores fields that are not link-like", () => {
    expect(
      findDocumentLinks({
        hostedInvoiceUrl: "javascript:alert(1)",
        invoicePdf: "data:text/html,<script>alert(1)</script>",
        pdfUrl: "not a url",
        website: "https://not-a-link-key.example",
        invoiceUrl: null,
      }),
    ).toEqual([]);
    expect(findDocumentLinks(null)).toEqual([]);
    expect(findDocumentLinks("https://bare.example")).toEqual([]);
  });
});
