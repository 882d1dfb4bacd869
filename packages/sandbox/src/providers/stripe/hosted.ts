import type { SandboxResponse } from "../../types";
import { invoiceItemsOf, type RenderedInvoice, renderInvoice } from "./render";
import type { StripeRuntime } from "./runtime";

const HOSTED_PAGE = /^\/i\/[^/]+\/test_([^/]+)$/;
const HOSTED_PDF = /^\/invoice\/[^/]+\/test_([^/]+)\/pdf$/;

function money(amount: number, currency: string): string {
  return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function invoiceSummary(rt: StripeRuntime, invoice: RenderedInvoice, record: Parameters<typeof invoiceItemsOf>[1]) {
  const lines = invoiceItemsOf(rt, record).map(
    (item) => `${item.description ?? "Item"} x${item.quantity}: ${money(item.amount, item.currency)}`,
  );
  return [
    `Invoice ${invoice.number ?? invoice.id}`,
    `Billed to: ${invoice.customer_name ?? invoice.customer_email ?? invoice.customer}`,
    `Status: ${invoice.status}`,
    ...lines,
    `Subtotal: ${money(invoice.subtotal, invoice.currency)}`,
    `Tax: ${money(
      invoice.total_taxes.reduce((sum, tax) => sum + tax.amount, 0),
      invoice.currency,
    )}`,
    `Total: ${money(invoice.total, invoice.currency)}`,
    `Amount paid: ${money(invoice.amount_paid, invoice.currency)}`,
    `Amount remaining: ${money(invoice.amount_remaining, invoice.currency)}`,
    ...(invoice.due_date ? [`Due: ${new Date(invoice.due_date * 1000).toISOString().slice(0, 10)}`] : []),
  ];
}

/** A one-page PDF with the summary as text: enough for "download the invoice" to work end to end. */
export function minimalPdf(lines: string[]): Buffer {
  const pdfText = (text: string) => text.replace(/[\\()]/g, "\\$&").replace(/[^\x20-\x7e]/g, "?");
  const content = [
    "BT",
    "/F1 12 Tf",
    "16 TL",
    "72 740 Td",
    ...lines.map((line) => `(${pdfText(line)}) Tj T*`),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((object, index) => {
    const offset = Buffer.byteLength(pdf);
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "ascii");
}

/**
 * The pages behind `hosted_invoice_url` and `invoice_pdf`. Public (no API key), like Stripe's,
 * and only for finalized invoices: draft links do not exist.
 */
export function hostedInvoiceResponse(rt: StripeRuntime, method: string, path: string): SandboxResponse | undefined {
  if (method !== "GET") return undefined;
  const page = HOSTED_PAGE.exec(path);
  const pdf = HOSTED_PDF.exec(path);
  const invoiceId = page?.[1] ?? pdf?.[1];
  if (!invoiceId) return undefined;
  const record = rt.store.invoices.get(invoiceId);
  if (!record || record.status === "draft")
    return { status: 404, headers: { "content-type": "text/html; charset=utf-8" }, body: "<h1>Invoice not found</h1>" };
  const invoice = renderInvoice(rt, record);
  const summary = invoiceSummary(rt, invoice, record);
  if (pdf)
    return {
      status: 200,
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="Invoice-${invoice.number ?? invoice.id}.pdf"`,
      },
      body: minimalPdf(summary),
    };
  const [title = "", ...rest] = summary.map(escapeHtml);
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><ul>${rest
    .map((line) => `<li>${line}</li>`)
    .join("")}</ul><p><a href="${escapeHtml(invoice.invoice_pdf ?? "")}">Download PDF</a></p></body></html>`;
  return { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: html };
}
